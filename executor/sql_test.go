package executor_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/datadriven"

	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/planner"
)

// TestSQL runs the cases of testdata/*.test: SQL files planned and run end to end over the real
// connectors (files in a scratch folder).
//
//	file name=orders.jsonl      writes the input into the scratch folder
//	run [sorted] [stats] [stdin=name] [clock=RFC3339]
//	                            plans and runs the input; prints every file under out/ (lines in
//	                            order, or sorted; lake manifests left out), standard output, the error records (sorted;
//	                            reason, position and raw), the counters with `stats`, and the
//	                            run's error if any
func TestSQL(t *testing.T) {
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		dir := t.TempDir()
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			switch d.Cmd {
			case "file":
				return writeInput(t, dir, d)
			case "run":
				return runSQL(t, dir, d)
			}
			d.Fatalf(t, "unknown command %s", d.Cmd)
			return ""
		})
	})
}

func writeInput(t *testing.T, dir string, d *datadriven.TestData) string {
	var name string
	d.ScanArgs(t, "name", &name)
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(d.Input+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return ""
}

// fixedClock is a clock that never moves (processing time is then deterministic).
type fixedClock int64

func (c fixedClock) Now() int64 { return int64(c) }

func runSQL(t *testing.T, dir string, d *datadriven.TestData) string {
	for _, sub := range []string{"out", "errors"} {
		os.RemoveAll(filepath.Join(dir, sub))
	}
	dag, err := planner.PlanFile("query.sql", d.Input)
	if err != nil {
		return "plan error: " + err.Error() + "\n"
	}
	var stdout bytes.Buffer
	reg := all.New()
	reg.Stdout, reg.Stdin = &stdout, strings.NewReader(stdinOf(t, dir, d))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var logs bytes.Buffer
	stats, runErr := executor.Run(ctx, dag, executor.Options{Registry: reg, BaseDir: dir, Clock: clockOf(t, d),
		Logf: func(f string, a ...any) { fmt.Fprintf(&logs, f+"\n", a...) }})
	var sb strings.Builder
	sorted := d.HasArg("sorted")
	printFiles(t, &sb, dir, "out", sorted)
	printLines(&sb, "stdout", strings.Split(strings.TrimSpace(stdout.String()), "\n"), sorted)
	printErrors(t, &sb, dir)
	if d.HasArg("stats") {
		printStats(&sb, stats.Snapshot())
	}
	if runErr != nil {
		fmt.Fprintf(&sb, "error: %v\n", runErr)
	}
	return sb.String()
}

func stdinOf(t *testing.T, dir string, d *datadriven.TestData) string {
	if !d.HasArg("stdin") {
		return ""
	}
	var name string
	d.ScanArgs(t, "stdin", &name)
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func clockOf(t *testing.T, d *datadriven.TestData) executor.Clock {
	at := "2026-06-01T00:00:00Z"
	if d.HasArg("clock") {
		d.ScanArgs(t, "clock", &at)
	}
	ts, err := time.Parse(time.RFC3339, at)
	if err != nil {
		t.Fatal(err)
	}
	return fixedClock(ts.UnixMilli())
}

func printFiles(t *testing.T, sb *strings.Builder, dir, sub string, sorted bool) {
	root := filepath.Join(dir, sub)
	var names []string
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, p := range names {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case strings.Contains(rel, "/_sluice/"): // lake manifests
		case len(b) == 0:
			fmt.Fprintf(sb, "%s: (empty)\n", rel)
		default:
			printLines(sb, rel, strings.Split(strings.TrimSpace(string(b)), "\n"), sorted)
		}
	}
}

func printLines(sb *strings.Builder, title string, lines []string, sorted bool) {
	if len(lines) == 0 || len(lines) == 1 && lines[0] == "" {
		return
	}
	if sorted {
		sort.Strings(lines)
	}
	fmt.Fprintf(sb, "%s:\n", title)
	for _, l := range lines {
		fmt.Fprintf(sb, "  %s\n", l)
	}
}

// printErrors prints the error records under errors/ without their time of rejection.
func printErrors(t *testing.T, sb *strings.Builder, dir string) {
	var recs []string
	filepath.WalkDir(filepath.Join(dir, "errors"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			recs = append(recs, errorLine(t, line))
		}
		return nil
	})
	sort.Strings(recs)
	printLines(sb, "errors", recs, false)
}

func errorLine(t *testing.T, line string) string {
	var rec struct{ Source, Reason, Position, Raw string }
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatalf("error record %q: %v", line, err)
	}
	return fmt.Sprintf("%s %s %s %s", rec.Source, rec.Reason, rec.Position, rec.Raw)
}

func printStats(sb *strings.Builder, s executor.Snapshot) {
	fmt.Fprintf(sb, "stats: read=%v written=%v filtered=%d duplicates=%d late=%d", s.RowsRead, s.RowsWritten, s.Filtered, s.Duplicates, s.Late)
	for _, r := range s.Reasons() {
		fmt.Fprintf(sb, " errors[%s]=%d", r, s.Errors[r])
	}
	sb.WriteString("\n")
}
