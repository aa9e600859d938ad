package executor_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/planner"
)

// TestLakeSinkClosesHoursAsTheWatermarkPasses feeds a lake sink through an open stdin: an hour
// gets `_SUCCESS` once the watermark passes its end, the others only at the end of input.
func TestLakeSinkClosesHoursAsTheWatermarkPasses(t *testing.T) {
	dir := t.TempDir()
	dag, err := planner.PlanFile("query.sql", `
CREATE STREAM events (id BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '30' MINUTE)
  WITH (connector = 'stdin', format = 'json');
CREATE SINK lake_events FROM events
  WITH (connector = 'file', path = 'out/lake', format = 'json', partition_by = 'dt,hour');`)
	if err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	reg := all.New()
	reg.Stdin = pr
	done := make(chan error, 1)
	go func() {
		_, err := executor.Run(context.Background(), dag, executor.Options{Registry: reg, BaseDir: dir})
		done <- err
	}()
	io.WriteString(pw, `{"id":1,"ts":"2026-03-01T09:10:00Z"}`+"\n"+`{"id":2,"ts":"2026-03-01T10:05:00Z"}`+"\n"+
		`{"id":3,"ts":"2026-03-01T10:31:00Z"}`+"\n")
	hour := func(h string) string { return filepath.Join(dir, "out/lake/dt=2026-03-01/hour="+h, "_SUCCESS") }
	waitFile(t, hour("09"))
	if _, err := os.Stat(hour("10")); err == nil {
		t.Fatal("hour 10 is complete while the watermark is 10:01")
	}
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	waitFile(t, hour("10"))
}

func waitFile(t *testing.T, path string) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		if time.Now().After(end) {
			t.Fatalf("%s never appeared", path)
		}
	}
}
