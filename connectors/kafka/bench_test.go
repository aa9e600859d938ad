package kafka

import (
	"context"
	"fmt"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
	"github.com/sluicedata/sluice/types"
)

// The benchmarks share one broker holding benchEvents JSON orders in a four-partition topic.
// They report events/s (wall clock) and events per CPU second of this process (which includes
// the in-process kfake broker serving the fetches) or, for kcat, of kcat plus the broker.
const benchEvents = 200_000

var bench struct {
	once   sync.Once
	broker *kafkatest.Broker
	err    error
}

func benchBroker(b *testing.B) *kafkatest.Broker {
	bench.once.Do(func() {
		bench.broker, bench.err = kafkatest.New(kafkatest.Options{Partitions: 4})
		if bench.err != nil {
			return
		}
		ctx := context.Background()
		if bench.err = bench.broker.CreateTopic(ctx, "bench", 4); bench.err != nil {
			return
		}
		for from := 0; from < benchEvents && bench.err == nil; from += 20_000 {
			var keys, vals [][]byte
			for i := from; i < from+20_000; i++ {
				keys = append(keys, fmt.Appendf(nil, "c%d", i%1000))
				vals = append(vals, fmt.Appendf(nil, `{"event_id":"e%07d","customer_id":"c%d","amount":%d.25,"country":"FR","ts":%d}`,
					i, i%1000, i%500, 1764064800000+int64(i)))
			}
			bench.err = bench.broker.Produce(ctx, "bench", keys, vals)
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.broker
}

// cpuMeter measures this process's CPU time (and its children's).
type cpuMeter struct{ self, kids time.Duration }

func cpuNow() cpuMeter {
	var s, k syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &s)
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &k)
	tv := func(r syscall.Rusage) time.Duration {
		return time.Duration(r.Utime.Nano() + r.Stime.Nano())
	}
	return cpuMeter{self: tv(s), kids: tv(k)}
}

func (m cpuMeter) since(start cpuMeter) time.Duration {
	return m.self - start.self + m.kids - start.kids
}

// report sets the events/s and events per CPU second metrics.
func report(b *testing.B, events int, start time.Time, cpu cpuMeter) {
	wall := time.Since(start).Seconds()
	b.ReportMetric(float64(events)/wall, "events/s")
	if c := cpuNow().since(cpu).Seconds(); c > 0 {
		b.ReportMetric(float64(events)/c, "events/cpu-s")
	}
	b.ReportMetric(0, "ns/op")
}

type discard struct{ rows int }

func (d *discard) Emit(b *types.Batch) error     { d.rows += b.Len; return nil }
func (d *discard) Reject(connectors.ErrorRecord) {}
func (d *discard) Watermark(int64) error         { return nil }

var benchSchema = &types.Schema{Fields: []types.Field{{Name: "event_id", Type: types.String}, {Name: "customer_id", Type: types.String},
	{Name: "amount", Type: types.Double}, {Name: "country", Type: types.String}, {Name: "ts", Type: types.Timestamp}},
	EventTime: true, TimeCol: 4, Delay: 1000}

// BenchmarkSourceJSON reads the whole topic (four partitions decoded in parallel) into batches.
func BenchmarkSourceJSON(b *testing.B) {
	br := benchBroker(b)
	Logf = func(string, ...any) {}
	events, cpu, start := 0, cpuNow(), time.Now()
	for b.Loop() {
		src, err := NewSource(connectors.SourceConfig{Stream: "bench", Schema: benchSchema,
			Options: map[string]string{"topic": "bench", "brokers": br.Addr, "end": "latest"}})
		if err != nil {
			b.Fatal(err)
		}
		out := &discard{}
		if err := src.Run(context.Background(), out); err != nil || out.rows != benchEvents {
			b.Fatalf("read %d rows: %v", out.rows, err)
		}
		events += out.rows
	}
	report(b, events, start, cpu)
}

// BenchmarkSinkJSON encodes and produces batches of 1024 rows (keyed, lz4) and flushes.
func BenchmarkSinkJSON(b *testing.B) {
	br := benchBroker(b)
	bt := customers(1024)
	k, err := NewSink(connectors.SinkConfig{Sink: "bench", Schema: bt.Schema,
		Options: map[string]string{"topic": "bench-out", "brokers": br.Addr, "key": "customer", "compression": "lz4"}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	events, cpu, start := 0, cpuNow(), time.Now()
	for b.Loop() {
		for range 100 {
			if err := k.Write(ctx, bt); err != nil {
				b.Fatal(err)
			}
		}
		if err := k.Flush(ctx); err != nil {
			b.Fatal(err)
		}
		events += 100 * bt.Len
	}
	report(b, events, start, cpu)
	_ = k.Close(ctx)
}

// BenchmarkKcatConsume times `kcat -C -e -o beginning` over the same topic: the raw consume rate
// of an independent client, values written to a pipe and discarded.
func BenchmarkKcatConsume(b *testing.B) {
	br := benchBroker(b)
	if _, err := exec.LookPath("kcat"); err != nil {
		b.Fatal(kafkatest.KcatMissing)
	}
	events, cpu, start := 0, cpuNow(), time.Now()
	for b.Loop() {
		cmd := exec.Command("kcat", "-b", br.Addr, "-C", "-t", "bench", "-o", "beginning", "-e", "-q", "-f", "%s\n")
		n := &lineCounter{}
		cmd.Stdout = n
		if err := cmd.Run(); err != nil || n.lines != benchEvents {
			b.Fatalf("kcat read %d records: %v", n.lines, err)
		}
		events += n.lines
	}
	report(b, events, start, cpu)
}

type lineCounter struct{ lines int }

func (l *lineCounter) Write(p []byte) (int, error) {
	for _, c := range p {
		if c == '\n' {
			l.lines++
		}
	}
	return len(p), nil
}
