package repl

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// showQueries answers SHOW QUERIES in the REPL: every persistent query of the session with its
// state, rows read by its sources and written by its sink, the rates over the last second
// while it runs, its error records and how long it ran.
func (js *jobs) showQueries(w io.Writer) {
	t := newTable([]string{"QUERY", "STATE", "READS", "WRITES", "ROWS IN", "ROWS OUT", "IN/S", "OUT/S", "ERRORS", "RUNTIME"},
		[]bool{false, false, false, false, true, true, true, true, true, true})
	var rows [][]string
	for _, j := range js.snapshot() {
		rows = append(rows, j.row())
	}
	t.writeAll(w, rows)
}

func (j *job) row() []string {
	state, s, in, out := j.status()
	j.mu.Lock()
	end := j.ended
	j.mu.Unlock()
	if end.IsZero() {
		end = time.Now()
	}
	runtime := "-"
	if state != stateInProcess {
		runtime = duration(end.Sub(j.started))
	}
	rates := []string{"-", "-"}
	if state == stateRunning {
		rates = []string{rate(in), rate(out)}
	}
	return []string{j.id, state, orDash(strings.Join(j.reads, ",")), orDash(j.writes), count(s.in), count(s.out),
		rates[0], rates[1], count(s.errors), runtime}
}

func count(n int64) string { return strconv.FormatInt(n, 10) }

func rate(r float64) string { return fmt.Sprintf("%.0f", r) }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// duration rounds to milliseconds under a second, else to tenths of a second.
func duration(d time.Duration) string {
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(100 * time.Millisecond).String()
}
