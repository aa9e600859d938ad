package planner

import (
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
	"github.com/sluicedata/sluice/parser"
)

// TestPlanner runs testdata/*.test. Commands:
//
//	plan      plans the input as one file and prints Explain of the DAG
//	dot       plans the input and prints ExplainDot
//	error     plans the input and prints the errors (it fails when there are none)
//	session   plans the input with a Planner and prints the catalog statements' output
//	          (then the DAG when the argument "dag" is given)
func TestPlanner(t *testing.T) {
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			switch d.Cmd {
			case "plan", "dot":
				dag, err := PlanFile("test.sql", d.Input)
				if err != nil {
					t.Fatalf("%s: unexpected error:\n%v", d.Pos, err)
				}
				if d.Cmd == "dot" {
					return ExplainDot(dag)
				}
				return Explain(dag)
			case "error":
				_, err := PlanFile("test.sql", d.Input)
				if err == nil {
					t.Fatalf("%s: expected an error, planned fine", d.Pos)
				}
				return err.Error() + "\n"
			case "session":
				return runSession(t, d)
			}
			t.Fatalf("unknown command %s", d.Cmd)
			return ""
		})
	})
}

func runSession(t *testing.T, d *datadriven.TestData) string {
	f, err := parser.Parse("test.sql", d.Input)
	if err != nil {
		t.Fatalf("%s: parse: %v", d.Pos, err)
	}
	res, err := NewSession().Plan(f)
	if err != nil {
		return err.Error() + "\n"
	}
	out := strings.Join(res.Output, "---\n")
	if d.HasArg("dag") {
		out += "===\n" + Explain(res.DAG)
	}
	return out
}
