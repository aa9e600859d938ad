package planner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/parser"
)

func mustParse(t testing.TB, src string) *parser.File {
	t.Helper()
	f, err := parser.Parse("t.sql", src)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return f
}

// A REPL plans one statement at a time: later statements see earlier ones, and a statement with
// an error changes nothing.
func TestSessionIncremental(t *testing.T) {
	s := NewSession()
	if _, err := s.Plan(mustParse(t, `CREATE STREAM s (a INT) WITH (connector = 'file', path = 's.jsonl', format = 'json');`)); err != nil {
		t.Fatal(err)
	}
	res, err := s.Plan(mustParse(t, `CREATE STREAM m AS SELECT a * 2 AS b FROM s;`))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NewQueries) != 1 || res.NewQueries[0].ID != "m" || len(res.DAG.Nodes) != 2 {
		t.Fatalf("after m: queries %v, %d nodes", res.NewQueries, len(res.DAG.Nodes))
	}
	_, err = s.Plan(mustParse(t, `CREATE STREAM bad AS SELECT nope FROM m; SELECT b FROM m;`))
	if err == nil || !strings.Contains(err.Error(), "t.sql:1:29: unknown column nope") {
		t.Fatalf("want the unknown column error, got %v", err)
	}
	if _, ok := s.Catalog().Lookup("bad"); ok || len(s.DAG().Nodes) != 2 || len(s.Catalog().Queries()) != 1 {
		t.Fatalf("a failed Plan changed the session: %d nodes, %d queries", len(s.DAG().Nodes), len(s.Catalog().Queries()))
	}
	res, err = s.Plan(mustParse(t, `SELECT b FROM m; SET 'k' = 'v';`))
	if err != nil {
		t.Fatal(err)
	}
	if res.NewQueries[0].ID != "select_1" || len(res.DAG.Nodes) != 4 || res.DAG.Nodes[2].Inputs[0] != 1 {
		t.Fatalf("the SELECT should read m's node:\n%s", Explain(res.DAG))
	}
	if s.Settings()["k"] != "v" || len(res.Output) != 1 {
		t.Fatalf("settings %v output %q", s.Settings(), res.Output)
	}
}

// PlanFile reports parse errors and planning errors of one file together, in source order.
func TestPlanFileErrorsTogether(t *testing.T) {
	src := "CREATE STREAM s (a INT) WITH (connector = 'file', path = 'x', format = 'json');\n" +
		"SELECT b FROM s;\n" +
		"SELECT a FROM s WHERE;\n" +
		"SELECT UPPER(a) FROM s;\n"
	_, err := PlanFile("f.sql", src)
	if err == nil {
		t.Fatal("want errors")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "f.sql:2:8: unknown column b") ||
		!strings.HasPrefix(lines[1], "f.sql:3:") || !strings.HasPrefix(lines[2], "f.sql:4:14: UPPER") {
		t.Fatalf("got:\n%s", err)
	}
	if _, ok := err.(parser.ErrorList); !ok {
		t.Fatalf("want a parser.ErrorList, got %T", err)
	}
}

// When a statement fails to parse, what it would have declared is unknown: reading that name
// later is not reported again.
func TestParseErrorHidesUnknownNames(t *testing.T) {
	src := "CREATE STREAM s (a INT) WITH (connector = 'file', path = 'x', format = 'json');\n" +
		"CREAT STREAM t (a INT) WITH (connector = 'file', path = 'x', format = 'json');\n" +
		"SELECT a FROM t;\n"
	_, err := PlanFile("f.sql", src)
	if err == nil || strings.Count(err.Error(), "\n") != 0 || !strings.HasPrefix(err.Error(), "f.sql:2:1:") {
		t.Fatalf("want only the parse error, got:\n%v", err)
	}
}

// The example queries of the repository and the acceptance cases plan without error.
func TestExampleQueriesPlan(t *testing.T) {
	for _, src := range exampleFiles(t) {
		if _, err := planExample(src.name, src.text); err != nil { // schema_resolve_test.go
			t.Errorf("%s:\n%v", src.name, err)
		}
	}
}

// BenchmarkPlan parses and plans 1,000 statements (250 sources, 750 queries) per iteration.
func BenchmarkPlan(b *testing.B) {
	src := benchmarkFile(250)
	b.ResetTimer()
	for b.Loop() {
		if _, err := PlanFile("bench.sql", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/statement")
}

func benchmarkFile(n int) string {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, `CREATE STREAM s%d (id STRING NOT NULL, k STRING, v DOUBLE, ts TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECONDS) WITH (connector = 'file', path = 's%d.jsonl', format = 'json');
CREATE STREAM f%d AS SELECT id, UPPER(k) AS k, v * 1.5 + 2 AS v, ts FROM s%d WHERE v > 10 AND k LIKE 'a%%'
  DEDUPLICATE BY id WITHIN 1 HOUR;
CREATE TABLE a%d WITH (connector = 'file', path = 'out/a%d.jsonl', format = 'json') AS
  SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total, AVG(v) AS mean FROM f%d
  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 5 SECONDS) GROUP BY k HAVING COUNT(*) > 1 EMIT FINAL;
SELECT x.id, x.v, y.v AS v2 FROM f%d AS x JOIN s%d AS y WITHIN 10 MINUTES ON x.id = y.id WHERE y.v > 0;
`, i, i, i, i, i, i, i, i, i)
	}
	return sb.String()
}

// BenchmarkPlanOnly plans (without parsing) the same 1,000 statements.
func BenchmarkPlanOnly(b *testing.B) {
	f := mustParse(b, benchmarkFile(250))
	b.ResetTimer()
	for b.Loop() {
		if _, err := NewSession().Plan(f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/statement")
}
