package planner

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/file"
	"github.com/sluicedata/sluice/types"
)

const schemaLess = "CREATE STREAM p WITH (connector = 'file', path = 'p.parquet', format = 'parquet');\n" +
	"CREATE STREAM o WITH (connector = 'file', path = 'o.jsonl', format = 'json') AS SELECT * FROM p;\n"

// fakeResolver answers for p.parquet (id BIGINT NOT NULL, ts TIMESTAMP, name STRING) and fails
// for any other path.
func fakeResolver(calls *[]string) func(string, map[string]string, string) (*types.Schema, error) {
	return func(conn string, opts map[string]string, base string) (*types.Schema, error) {
		*calls = append(*calls, conn+" "+opts["path"]+" "+base)
		if opts["path"] != "p.parquet" {
			return nil, errors.New("no such file")
		}
		return types.NewSchema(types.Field{Name: "id", Type: types.BigInt, NotNull: true},
			types.Field{Name: "ts", Type: types.Timestamp}, types.Field{Name: "name", Type: types.String}), nil
	}
}

// A source without a column list takes the resolver's columns; WATERMARK and PRIMARY KEY apply
// to them.
func TestSchemaFromData(t *testing.T) {
	var calls []string
	s := NewSession().WithSchemaResolver(fakeResolver(&calls), "/base")
	src := schemaLess + "CREATE TABLE t (WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, PRIMARY KEY (id))" +
		" WITH (connector = 'file', path = 'p.parquet', format = 'parquet');\n"
	if _, err := s.Plan(mustParse(t, src)); err != nil {
		t.Fatal(err)
	}
	e, _ := s.Catalog().Lookup("o")
	if got := strings.Join(e.Schema.Names(), ","); got != "id,ts,name" || !e.Schema.Fields[0].NotNull {
		t.Errorf("o's columns %s (%v)", got, e.Schema.Fields)
	}
	tbl, _ := s.Catalog().Lookup("t")
	if !tbl.Schema.EventTime || tbl.Schema.TimeCol != 1 || tbl.Schema.Delay != 1000 || len(tbl.Schema.Key) != 1 {
		t.Errorf("t's schema %+v", tbl.Schema)
	}
	if strings.Join(calls, ";") != "file p.parquet /base;file p.parquet /base" {
		t.Errorf("calls %q", calls)
	}
}

// Without a resolver, with a format that has no schema, or when the data cannot be read, a
// source without a column list is a planning error at its name, and the queries over it add no
// error of their own (SELECT * over it used to panic in pruneColumns).
func TestSchemaFromDataErrors(t *testing.T) {
	var calls []string
	for _, c := range []struct {
		src  string
		with bool
		want string
	}{
		{schemaLess, false, "f.sql:1:15: p needs a column list here: this command plans without reading the parquet data's schema"},
		{strings.ReplaceAll(schemaLess, "'parquet'", "'json'"), true,
			"f.sql:1:15: p: format json needs a column list (only parquet and avro data carry their own schema)"},
		{strings.Replace(schemaLess, "p.parquet", "q.avro", 1), true,
			"f.sql:1:15: p: cannot read the columns from its parquet data: no such file; declare them (name TYPE, ...)"},
		{strings.Replace(schemaLess, "p.parquet", "q.avro", 1) + "SELECT id, name FROM p;", true,
			"f.sql:1:15: p: cannot read the columns from its parquet data: no such file; declare them (name TYPE, ...)"},
		{"CREATE TABLE t WITH (connector = 'file', path = 'p.parquet', format = 'parquet');", true,
			"f.sql:1:14: CREATE TABLE t needs PRIMARY KEY (column, ...): write CREATE TABLE t (PRIMARY KEY (k)) WITH (...)"},
	} {
		var err error
		if c.with {
			_, err = PlanFileWith("f.sql", c.src, fakeResolver(&calls), "")
		} else {
			_, err = PlanFile("f.sql", c.src)
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("%s:\ngot  %v\nwant %s", c.src, err, c.want)
		}
	}
}

// pruneColumns keeps a projection of a relation without columns as it is.
func TestPruneNoColumns(t *testing.T) {
	p := newProject(&lScan{entry: &Entry{Schema: types.NewSchema()}}, nil, nil)
	p.root = true
	if out := pruneColumns(p); len(out.schema().Fields) != 0 {
		t.Errorf("schema %v", out.schema())
	}
}

// A connector that reads its schema only with the data (connectors.ErrSchemaDeferred) is
// accepted without columns, and SELECT * over it plans (it used to panic in pruneColumns).
func TestSchemaDeferred(t *testing.T) {
	deferred := func(string, map[string]string, string) (*types.Schema, error) {
		return nil, fmt.Errorf("kafka: %w", connectors.ErrSchemaDeferred)
	}
	dag, err := PlanFileWith("f.sql", schemaLess, deferred, "")
	if err != nil || len(dag.Nodes) != 3 || len(dag.Nodes[2].Schema.Fields) != 0 {
		t.Fatalf("%v\n%v", err, dag)
	}
}

// planExample plans an example query file as `sluice run` does from the case's folder: sources
// without a column list read their files' schemas (acceptance data lives in _data/).
func planExample(name, text string) (*DAG, error) {
	base := ""
	if strings.Contains(name, "/acceptance/") {
		base = "../cmd/sluice/testdata/acceptance/_data"
	}
	resolve := func(conn string, opts map[string]string, base string) (*types.Schema, error) {
		if conn != "file" {
			return nil, connectors.ErrSchemaDeferred
		}
		return file.Schema(opts, base)
	}
	return PlanFileWith(name, text, resolve, base)
}
