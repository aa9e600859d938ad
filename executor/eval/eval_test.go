package eval

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// TestData runs testdata/*.test. Commands:
//
//	eval            input: "schema a BIGINT, …", "row [json values]" lines, "expr <expr>" lines
//	                output: one line per expr: "<expr> -> v1, v2, …" (or "error: …")
//	agg             input: schema and rows as for eval (column g is the group id, t the event
//	                time), "agg <aggregate>" lines; output "<agg> -> g0: v, g1: v"
//
// Besides printing results, eval checks that the kernel gives the same rows over the whole
// batch, again over the same batch (reused output), and one row at a time, and that NULL slots
// hold zero values; agg checks chunked updates, Save/Load and Merge against the direct result.
func TestData(t *testing.T) {
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			in, err := parseInput(d.Input)
			if err != nil {
				d.Fatalf(t, "%v", err)
			}
			switch d.Cmd {
			case "eval":
				return runEval(t, in)
			case "agg":
				return runAgg(t, d, in)
			}
			d.Fatalf(t, "unknown command %s", d.Cmd)
			return ""
		})
	})
}

type testInput struct {
	schema *types.Schema
	rows   [][]any
	exprs  []string
	aggs   []string
}

func parseInput(text string) (*testInput, error) {
	in := &testInput{schema: types.NewSchema()}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		word, rest, _ := strings.Cut(line, " ")
		var err error
		switch word {
		case "":
		case "schema":
			in.schema, err = parseSchema(rest)
		case "row":
			var r []any
			r, err = parseRow(rest, in.schema)
			in.rows = append(in.rows, r)
		case "expr":
			in.exprs = append(in.exprs, rest)
		case "agg":
			in.aggs = append(in.aggs, rest)
		default:
			err = fmt.Errorf("unknown input line %q", line)
		}
		if err != nil {
			return nil, err
		}
	}
	if len(in.rows) == 0 && in.schema.Len() == 0 {
		in.rows = [][]any{{}}
	}
	return in, nil
}

func runEval(t *testing.T, in *testInput) string {
	var out strings.Builder
	b := buildBatch(in.schema, in.rows)
	for _, src := range in.exprs {
		e, err := parseExpr(src, in.schema)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		fmt.Fprintf(&out, "%s -> %s\n", src, evalExpr(t, e, b))
	}
	return out.String()
}

// evalExpr compiles and runs e over b and returns its printed values.
func evalExpr(t *testing.T, e planner.Expr, b *types.Batch) string {
	k, err := Compile(e)
	if err != nil {
		return "error: " + err.Error()
	}
	got := formatAll(e.Type(), runKernel(t, k, b))
	if again := formatAll(e.Type(), runKernel(t, k, b)); !reflect.DeepEqual(got, again) {
		t.Errorf("%s: second evaluation gave %v, first %v", e, again, got)
	}
	for i := 0; i < b.Len; i++ {
		one := formatAll(e.Type(), runKernel(t, k, b.Select([]int{i})))
		if one[0] != got[i] {
			t.Errorf("%s: row %d alone gave %v, in the batch %v", e, i, one[0], got[i])
		}
	}
	return strings.Join(got, ", ")
}

func formatAll(t types.Type, vs []any) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = formatValue(t, v)
	}
	return out
}

func runKernel(t *testing.T, k Kernel, b *types.Batch) []any {
	v, err := k.Eval(b)
	if err != nil {
		t.Fatalf("eval: %v", err)
	}
	if v.Len() < b.Len {
		t.Fatalf("kernel returned %d rows for %d", v.Len(), b.Len)
	}
	if !zeroSlotsOK(v, b.Len) {
		t.Errorf("a NULL slot holds a value: %+v", v)
	}
	return vectorValues(v, b.Len)
}
