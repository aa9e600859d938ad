package repl

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// feed runs lines through the session as typed.
func feed(s *session, text string) {
	in := &plainInput{}
	for _, l := range strings.Split(text, "\n") {
		s.line(in, l)
	}
}

// showQueries returns SHOW QUERIES' rows by query id.
func showQueries(t *testing.T, s *session) map[string]string {
	t.Helper()
	var b strings.Builder
	s.jobs.showQueries(&b)
	rows := map[string]string{}
	for _, l := range lines(b.String())[2:] {
		if f := strings.Fields(l); len(f) > 0 && !strings.HasPrefix(l, "(") {
			rows[f[0]] = l
		}
	}
	return rows
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// SHOW QUERIES lists each persistent query with its state and counters: RUNNING with rates
// while it runs, DONE when its bounded input ended, IN-PROCESS without a sink, FAILED, and
// TERMINATED after TERMINATE.
func TestShowQueriesStates(t *testing.T) {
	s, out := testSession(t, ordersDDL)
	feed(s, `CREATE STREAM ticks (n BIGINT) WITH (connector = 'datagen', rate = '200', fields.n.kind = 'sequence');
CREATE STREAM even AS SELECT n FROM ticks WHERE n % 2 = 0;
CREATE SINK tick_out FROM even WITH (connector = 'file', path = 'ticks.jsonl', format = 'json');
CREATE SINK orders_out FROM orders WITH (connector = 'file', path = 'orders_out.jsonl', format = 'json');
CREATE STREAM gone (a INT) WITH (connector = 'file', path = 'missing.jsonl', format = 'json');
CREATE SINK gone_out FROM gone WITH (connector = 'file', path = 'gone_out.jsonl', format = 'json');`)
	running := regexp.MustCompile(`^tick_out +\| RUNNING +\| even +\| tick_out +\| +[1-9]\d* \| +[1-9]\d* \| +\d+ \| +\d+ \| +0 \| `)
	waitFor(t, "tick_out to write rows", func() bool { return running.MatchString(showQueries(t, s)["tick_out"]) })
	waitFor(t, "orders_out and gone_out to end", func() bool {
		q := showQueries(t, s)
		return strings.Contains(q["orders_out"], "DONE") && strings.Contains(q["gone_out"], "FAILED")
	})
	q := showQueries(t, s)
	want := map[string]*regexp.Regexp{
		"even":       regexp.MustCompile(`^even +\| IN-PROCESS \| ticks +\| even +\| +0 \| +0 \| +- \| +- \| +0 \| +-$`),
		"orders_out": regexp.MustCompile(`^orders_out \| DONE +\| orders \| orders_out \| +1 \| +1 \| +- \| +- \| +0 \| +\S+$`),
		"gone_out":   regexp.MustCompile(`^gone_out +\| FAILED +\| gone +\| gone_out +\| +0 \| +0 \| +- \| +- \|`),
	}
	for id, re := range want {
		if !re.MatchString(q[id]) {
			t.Errorf("SHOW QUERIES row of %s:\n%s\nwant %s", id, q[id], re)
		}
	}
	if !strings.Contains(out.String(), "query gone_out failed: source \"gone\"") {
		t.Errorf("the failure was not reported:\n%s", out)
	}
	feed(s, "TERMINATE tick_out;")
	if row := showQueries(t, s)["tick_out"]; !strings.Contains(row, "| TERMINATED |") {
		t.Errorf("after TERMINATE: %s", row)
	}
	if n := s.jobs.running(); n != 0 {
		t.Errorf("%d queries still running", n)
	}
}

// DROP stops the query writing what is dropped; the end of an interactive session stops every
// running query.
func TestDropAndEndStopQueries(t *testing.T) {
	s, _ := testSession(t)
	feed(s, `CREATE STREAM ticks (n BIGINT) WITH (connector = 'datagen', rate = '100');
CREATE SINK a FROM ticks WITH (connector = 'file', path = 'a.jsonl', format = 'json');
CREATE SINK b FROM ticks WITH (connector = 'file', path = 'b.jsonl', format = 'json');`)
	if n := s.jobs.running(); n != 2 {
		t.Fatalf("%d running, want 2", n)
	}
	feed(s, "DROP SINK a;")
	if row := showQueries(t, s)["a"]; !strings.Contains(row, "TERMINATED") {
		t.Errorf("after DROP SINK a: %s", row)
	}
	s.opts.Interactive = true
	if code := s.end(); code != ExitOK || s.jobs.running() != 0 {
		t.Errorf("end: exit %d, %d still running", code, s.jobs.running())
	}
}
