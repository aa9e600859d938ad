package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/planner"
)

// benchWorkload is one query run over the generated JSON-lines events.
type benchWorkload struct {
	name  string
	query string // %[1]s is the events file, %[2]s the output folder, %[3]s the second events file
	out   string // the output folder whose size on disk is reported, when set
}

// inputs is how many events files the workload reads (a join reads both).
func (w benchWorkload) inputs() int {
	if strings.Contains(w.query, "%[3]s") {
		return 2
	}
	return 1
}

const benchSource = `CREATE STREAM events (id STRING NOT NULL, key STRING, amount DOUBLE, country STRING, ts TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (connector = 'file', path = '%[1]s', format = 'json');
`

var benchWorkloads = []benchWorkload{
	{"json file → filter+project → json file", benchSource + `CREATE STREAM out WITH (connector = 'file', path = '%[2]s/filter.jsonl', format = 'json') AS
  SELECT id, amount * 100 AS cents, UPPER(country) AS country, ts FROM events WHERE amount > 10;`, ""},
	{"tumbling aggregation, 10k keys", benchSource + `CREATE TABLE out WITH (connector = 'file', path = '%[2]s/tumbling.jsonl', format = 'json') AS
  SELECT key, window_start, COUNT(*) AS n, SUM(amount) AS total FROM events
  WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY key EMIT FINAL;`, ""},
	{"hopping aggregation, size/advance = 10", benchSource + `CREATE TABLE out WITH (connector = 'file', path = '%[2]s/hopping.jsonl', format = 'json') AS
  SELECT country, window_start, COUNT(*) AS n, AVG(amount) AS avg_amount FROM events
  WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 1 SECOND) GROUP BY country EMIT FINAL;`, ""},
	{"session windows, 10k keys", benchSource + `CREATE TABLE out WITH (connector = 'file', path = '%[2]s/session.jsonl', format = 'json') AS
  SELECT key, window_start, window_end, COUNT(*) AS n FROM events
  WINDOW SESSION (5 SECONDS) GROUP BY key EMIT FINAL;`, ""},
	{"dedup, one key per event", benchSource + `CREATE STREAM out WITH (connector = 'file', path = '%[2]s/dedup.jsonl', format = 'json') AS
  SELECT id, amount FROM events DEDUPLICATE BY id;`, ""},
	{"interval join, 10k keys", benchSource + `CREATE STREAM other (id STRING NOT NULL, key STRING, amount DOUBLE, country STRING, ts TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (connector = 'file', path = '%[3]s', format = 'json');
CREATE STREAM out WITH (connector = 'file', path = '%[2]s/join.jsonl', format = 'json') AS
  SELECT e.id, o.id AS other_id, e.amount + o.amount AS total
  FROM events AS e JOIN other AS o WITHIN 1 SECOND ON e.id = o.id;`, ""},
	{"json file → parquet lake (zstd, by hour)", benchSource + `CREATE SINK lake FROM events
  WITH (connector = 'file', path = '%[2]s/lake/events', format = 'parquet', partition_by = 'dt,hour');`, "lake/events"},
}

// runBench generates a JSON-lines workload and prints events/s per core for each query.
func runBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	events := fs.Int("events", 1_000_000, "events per workload")
	only := fs.String("only", "", "run only the workloads whose name contains this text")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dir, err := os.MkdirTemp("", "sluice-bench-")
	if err != nil {
		return printErrors(stderr, err)
	}
	defer os.RemoveAll(dir)
	files := [2]string{filepath.Join(dir, "events.jsonl"), filepath.Join(dir, "other.jsonl")}
	for i, f := range files {
		if err := writeBenchEvents(f, *events, int64(i)*7); err != nil {
			return printErrors(stderr, err)
		}
	}
	fmt.Fprintf(stdout, "%d JSON events per workload (%.1f MB)\n%-42s %14s %14s\n", *events, float64(dirSize(files[0]))/1e6, "workload", "events/s/core", "events/s")
	for _, w := range benchWorkloads {
		if !strings.Contains(w.name, *only) {
			continue
		}
		if code := benchOne(w, files, dir, *events, stdout, stderr); code != 0 {
			return code
		}
	}
	return 0
}

func benchOne(w benchWorkload, files [2]string, dir string, events int, stdout, stderr io.Writer) int {
	dag, err := planner.PlanFile("bench.sql", fmt.Sprintf(w.query, files[0], dir, files[1]))
	if err != nil {
		return printErrors(stderr, err)
	}
	cpu0, wall0 := cpuTime(), time.Now()
	if _, err := executor.Run(context.Background(), dag, executor.Options{Registry: registry(io.Discard), BaseDir: dir}); err != nil {
		return printErrors(stderr, err)
	}
	cpu, wall, n := cpuTime()-cpu0, time.Since(wall0), float64(events*w.inputs())
	fmt.Fprintf(stdout, "%-42s %14.0f %14.0f\n", w.name, n/cpu.Seconds(), n/wall.Seconds())
	if w.out != "" {
		in, out := dirSize(files[0]), dirSize(filepath.Join(dir, w.out))
		fmt.Fprintf(stdout, "%-42s %.1f MB on disk for %.1f MB of JSON input (%.1f%%)\n", "", float64(out)/1e6, float64(in)/1e6, 100*float64(out)/float64(in))
	}
	return 0
}

// dirSize is the number of bytes of the files under path (or of the file path).
func dirSize(path string) int64 {
	var n int64
	_ = filepath.Walk(path, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// cpuTime is the user and system CPU time this process has used: events per CPU-second is
// events per second per core, whatever the number of cores the run used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// writeBenchEvents writes n JSON-lines events: ids e0…, 10,000 keys, eight countries, one event
// per millisecond of event time.
func writeBenchEvents(path string, n int, seed int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	countries := []string{"de", "fr", "us", "nl", "se", "gb", "es", "it"}
	var b []byte
	for i := 0; i < n; i++ {
		r := (int64(i)*2654435761 + seed) % 100000
		b = append(b[:0], `{"id":"e`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `","key":"k`...)
		b = strconv.AppendInt(b, r%10000, 10)
		b = append(b, `","amount":`...)
		b = strconv.AppendFloat(b, float64(r)/1000, 'f', -1, 64)
		b = append(b, `,"country":"`...)
		b = append(b, countries[r%8]...)
		b = append(b, `","ts":`...)
		b = strconv.AppendInt(b, 1767225600000+int64(i), 10)
		b = append(b, "}\n"...)
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
