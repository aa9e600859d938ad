package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// millionInput describes the generated input: how many lines of each kind it holds.
type millionInput struct {
	lines, decode, schema, notNull, late, passFilter int
	perWindow                                        map[int64]int // rows per one-minute window, late rows left out
}

// TestMillionEvents runs one million JSON events, with malformed, mistyped, NULL and late ones
// planted among them, through a filter+project query and a tumbling aggregation, and checks that
// every event is accounted for exactly: rows in = rows out + filtered + errors.
func TestMillionEvents(t *testing.T) {
	bin := buildSluice(t)
	work := t.TempDir()
	in := writeMillion(t, filepath.Join(work, "events.jsonl"), 1_000_000)
	query := `CREATE STREAM events (id STRING NOT NULL, amount DOUBLE, country STRING, ts TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'events.jsonl', format = 'json', error_sink = 'file://errors/events/');
CREATE STREAM big WITH (connector = 'file', path = 'out/big.jsonl', format = 'json') AS
  SELECT id, amount * 100 AS cents, UPPER(country) AS country FROM events WHERE amount > 50;
CREATE TABLE per_minute WITH (connector = 'file', path = 'out/per_minute.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n FROM events WINDOW TUMBLING (SIZE 1 MINUTE) EMIT FINAL;`
	if err := os.WriteFile(filepath.Join(work, "q.sql"), []byte(query), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "q.sql")
	cmd.Dir = work
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sluice run: %v\n%s", err, out)
	}
	decoded := in.lines - in.decode - in.schema - in.notNull
	big := countLines(t, filepath.Join(work, "out/big.jsonl"))
	if big != in.passFilter {
		t.Errorf("filter+project wrote %d rows, want %d", big, in.passFilter)
	}
	filtered := decoded - in.passFilter
	if in.lines != big+filtered+in.decode+in.schema+in.notNull {
		t.Errorf("rows in %d != rows out %d + filtered %d + errors %d", in.lines, big, filtered, in.decode+in.schema+in.notNull)
	}
	checkWindows(t, filepath.Join(work, "out/per_minute.jsonl"), in)
	checkErrorRecords(t, filepath.Join(work, "errors"), map[string]int{"decode": in.decode, "schema": in.schema, "not_null": in.notNull, "late": in.late})
	want := fmt.Sprintf("sluice: %d rows in, %d rows out", in.lines, big+len(in.perWindow))
	if !strings.Contains(string(out), want) {
		t.Errorf("summary line lacks %q:\n%s", want, out)
	}
}

// writeMillion writes n lines: one event per 10 ms of event time, every 1,000th line malformed,
// every 1,000th (offset 250) with a string amount, every 1,000th (offset 500) with a NULL id, and
// every 10,000th (offset 750) two minutes behind the newest event, so late for its window.
func writeMillion(t *testing.T, path string, n int) millionInput {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	in := millionInput{lines: n, perWindow: map[int64]int{}}
	const t0 = int64(1767225600000)
	for i := 0; i < n; i++ {
		ts, amount, id := t0+int64(i)*10, strconv.Itoa(i%100), `"e`+strconv.Itoa(i)+`"`
		switch {
		case i%1000 == 999:
			fmt.Fprintf(w, `{"id":%s,"amount":%s,"country":"de","ts":`+"\n", id, amount)
			in.decode++
			continue
		case i%1000 == 250:
			fmt.Fprintf(w, `{"id":%s,"amount":"many","country":"de","ts":%d}`+"\n", id, ts)
			in.schema++
			continue
		case i%1000 == 500:
			fmt.Fprintf(w, `{"id":null,"amount":%s,"country":"de","ts":%d}`+"\n", amount, ts)
			in.notNull++
			continue
		case i%10000 == 750:
			ts -= 120_000
			in.late++
		default:
			in.perWindow[ts/60000*60000]++
		}
		if i%100 > 50 {
			in.passFilter++
		}
		fmt.Fprintf(w, `{"id":%s,"amount":%s,"country":"fr","ts":%d}`+"\n", id, amount, ts)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return in
}

func checkWindows(t *testing.T, path string, in millionInput) {
	t.Helper()
	rows := readRows(t, path)
	if len(rows) != len(in.perWindow) {
		t.Errorf("%d windows, want %d", len(rows), len(in.perWindow))
	}
	for _, r := range rows {
		start, _ := r.vals["window_start"].(string)
		n, _ := r.vals["n"].(json.Number).Int64()
		if want := in.perWindow[parseMillis(t, start)]; int(n) != want {
			t.Errorf("window %s: n = %d, want %d", start, n, want)
		}
	}
}

func checkErrorRecords(t *testing.T, dir string, want map[string]int) {
	t.Helper()
	got := map[string]int{}
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			for _, r := range readRows(t, p) {
				got[fmt.Sprint(r.vals["reason"])]++
				for _, k := range []string{"source", "reason", "position", "raw"} {
					if s, _ := r.vals[k].(string); s == "" {
						t.Fatalf("error record without %s: %s", k, r.raw)
					}
				}
			}
		}
		return nil
	})
	for reason, n := range want {
		if got[reason] != n {
			t.Errorf("%d error records with reason %s, want %d", got[reason], reason, n)
		}
	}
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(data), "\n")
}

func parseMillis(t *testing.T, s string) int64 {
	t.Helper()
	ts, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("bad timestamp %q", s)
	}
	return ts.UnixMilli()
}
