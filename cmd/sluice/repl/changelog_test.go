package repl

import (
	"reflect"
	"testing"

	"github.com/sluicedata/sluice/planner"
)

func TestChangelogKey(t *testing.T) {
	s, _ := testSession(t, ordersDDL)
	cases := []struct {
		sql  string
		cols []int
		ok   bool
	}{
		{"SELECT country, COUNT(*) AS n FROM orders GROUP BY country;", []int{0}, true},
		{"SELECT COUNT(*) AS n, country FROM orders GROUP BY country;", []int{1}, true},
		{"SELECT country, window_start, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY country;", []int{0, 1}, true},
		{"SELECT COUNT(*) AS n FROM orders;", nil, true}, // one group: every row after the first updates it
		{"SELECT COUNT(*) AS n FROM orders GROUP BY country;", nil, false},
		{"SELECT country, window_start, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY country EMIT FINAL;", nil, false},
		{"SELECT id, amount FROM orders WHERE amount > 1;", nil, false},
		{"SELECT country, COUNT(*) AS n FROM orders GROUP BY country HAVING COUNT(*) > 1 LIMIT 5;", []int{0}, true},
	}
	for _, c := range cases {
		cols, ok := changelogKey(lastQueryDAG(t, s, c.sql))
		if ok != c.ok || !reflect.DeepEqual(cols, c.cols) {
			t.Errorf("changelogKey(%s) = %v, %v; want %v, %v", c.sql, cols, ok, c.cols, c.ok)
		}
	}
}

func TestSubDAG(t *testing.T) {
	s, _ := testSession(t, ordersDDL,
		`CREATE STREAM big AS SELECT id, amount FROM orders WHERE amount > 5;`,
		`CREATE SINK a FROM orders WITH (connector = 'file', path = 'a.jsonl', format = 'json');`)
	d := lastQueryDAG(t, s, `CREATE SINK b FROM big WITH (connector = 'file', path = 'b.jsonl', format = 'json');`)
	var ops []string
	for i, n := range d.Nodes {
		if n.ID != i {
			t.Errorf("node %d has ID %d", i, n.ID)
		}
		for _, in := range n.Inputs {
			if in >= i {
				t.Errorf("node %d reads %d, which does not come before it", i, in)
			}
		}
		ops = append(ops, n.Op.OpName())
	}
	// b's sink, big's operators and the source; not sink a.
	if sink := sinkNode(d); sink == nil || sink.Op.(*planner.SinkOp).Sink != "b" || ops[0] != "Source" || len(ops) > 4 {
		t.Errorf("sub-DAG of b: %v", ops)
	}
	if got := sources(d); !reflect.DeepEqual(got, []string{"orders"}) {
		t.Errorf("sources = %v", got)
	}
	if !bounded(d) {
		t.Error("a file source is bounded")
	}
}

func TestWithoutErrorSinkCopies(t *testing.T) {
	s, _ := testSession(t, `CREATE STREAM e (a INT) WITH (connector = 'file', path = 'e.jsonl', format = 'json', error_sink = 'file://errs/');`)
	res := mustPlan(t, s.plan, `SELECT a FROM e;`)
	d, _ := subDAG(res.DAG, res.NewQueries[0].Nodes)
	if n := withoutErrorSink(d, func(string) bool { return false }); n != 1 {
		t.Fatalf("dropped %d error sinks, want 1", n)
	}
	if d.Nodes[0].Op.(*planner.SourceOp).Options["error_sink"] != "" {
		t.Error("the sub-DAG still has its error_sink")
	}
	if s.plan.DAG().Nodes[0].Op.(*planner.SourceOp).Options["error_sink"] == "" {
		t.Error("the session's DAG lost its error_sink")
	}
}
