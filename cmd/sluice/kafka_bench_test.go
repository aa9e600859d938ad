package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/connectors/kafka"
	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/planner"
)

// Whole-pipeline Kafka benchmarks: `sluice run` plans over a four-partition topic of
// kafkaBenchEvents JSON orders on an in-process kfake broker (bounded with end = 'latest').
// Metrics: events/s (wall clock) and events per CPU second of the process, broker included.
const kafkaBenchEvents = 200_000

var kafkaBench struct {
	once   sync.Once
	broker *kafkatest.Broker
	err    error
}

func kafkaBenchBroker(b *testing.B) *kafkatest.Broker {
	kafkaBench.once.Do(func() {
		kafka.Logf = func(string, ...any) {}
		br, err := kafkatest.New(kafkatest.Options{Partitions: 4})
		if err == nil {
			err = br.CreateTopic(context.Background(), "orders", 4)
		}
		gen := kafkatest.NewOrderGen(3, playgroundStart, time.Millisecond)
		for from := 0; from < kafkaBenchEvents && err == nil; from += 20_000 {
			var keys, vals [][]byte
			for range 20_000 {
				o := gen.Next()
				o.Kind = "ok"
				keys, vals = append(keys, o.Key()), append(vals, o.JSON())
			}
			err = br.Produce(context.Background(), "orders", keys, vals)
		}
		kafkaBench.broker, kafkaBench.err = br, err
	})
	if kafkaBench.err != nil {
		b.Fatal(kafkaBench.err)
	}
	return kafkaBench.broker
}

const kafkaBenchSource = `CREATE STREAM orders (event_id STRING NOT NULL, customer_id STRING, amount DOUBLE, country STRING,
  ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH (connector = 'kafka', topic = 'orders', format = 'json'); -- pointAt adds end = 'latest'
`

// BenchmarkKafkaFilterToKafka: Kafka JSON → filter + project → Kafka JSON (keyed, lz4).
func BenchmarkKafkaFilterToKafka(b *testing.B) {
	runKafkaBench(b, kafkaBenchSource+`CREATE STREAM big WITH (connector = 'kafka', topic = 'big', format = 'json',
  key = 'customer_id', compression = 'lz4') AS
  SELECT event_id, customer_id, amount * 100 AS cents, UPPER(country) AS country, ts FROM orders WHERE amount > 100;`)
}

// BenchmarkKafkaToFile: Kafka JSON → JSON lines file.
func BenchmarkKafkaToFile(b *testing.B) {
	runKafkaBench(b, kafkaBenchSource+`CREATE SINK landed FROM orders WITH (connector = 'file', path = 'out/orders.jsonl', format = 'json');`)
}

func runKafkaBench(b *testing.B, query string) {
	br := kafkaBenchBroker(b)
	dir := b.TempDir()
	events, cpu, start := 0, cpuTime(), time.Now()
	for b.Loop() {
		dag, err := planner.PlanFile("bench.sql", query)
		if err != nil {
			b.Fatal(err)
		}
		pointAt(dag, br.Addr, true)
		reg := all.New()
		reg.Stdout = io.Discard
		stats, err := executor.Run(context.Background(), dag, executor.Options{Registry: reg, BaseDir: dir,
			Logf: func(string, ...any) {}})
		if err != nil {
			b.Fatal(err)
		}
		if n := stats.Snapshot().RowsRead["orders"]; n != kafkaBenchEvents {
			b.Fatalf("read %d rows, want %d", n, kafkaBenchEvents)
		}
		events += kafkaBenchEvents
		_ = os.RemoveAll(filepath.Join(dir, "out"))
	}
	wall := time.Since(start).Seconds()
	b.ReportMetric(float64(events)/wall, "events/s")
	b.ReportMetric(float64(events)/(cpuTime()-cpu).Seconds(), "events/cpu-s")
	b.ReportMetric(0, "ns/op")
}
