package repl

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/planner"
)

const ordersDDL = `CREATE STREAM orders (id BIGINT, country STRING, amount DOUBLE, ts TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'orders.jsonl', format = 'json');`

// testSession returns a non-interactive session over a scratch folder holding orders.jsonl,
// with the statements planned (not run).
func testSession(t *testing.T, stmts ...string) (*session, *bytes.Buffer) {
	t.Helper()
	dir := t.TempDir()
	data := `{"id": 1, "country": "DE", "amount": 10.5, "ts": "2026-01-01T00:00:01Z"}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "orders.jsonl"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s, err := newSession(context.Background(), Options{Out: &out, Err: &out, BaseDir: dir, Lake: "lake"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.close)
	for _, st := range stmts {
		mustPlan(t, s.plan, st)
	}
	return s, &out
}

func mustPlan(t *testing.T, p *planner.Planner, src string) *planner.Result {
	t.Helper()
	f, err := parser.Parse("t.sql", src)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	res, err := p.Plan(f)
	if err != nil {
		t.Fatalf("plan %q: %v", src, err)
	}
	return res
}

// lastQueryDAG plans src and returns the sub-DAG of the query it adds.
func lastQueryDAG(t *testing.T, s *session, src string) *planner.DAG {
	t.Helper()
	res := mustPlan(t, s.plan, src)
	if len(res.NewQueries) != 1 {
		t.Fatalf("%q added %d queries", src, len(res.NewQueries))
	}
	d, _ := subDAG(res.DAG, res.NewQueries[0].Nodes)
	return d
}

func contains(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

func lines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }
