package planner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzPlanFile checks that no input makes the planner panic: it either plans or returns errors,
// each with its position. The seeds are the inputs of testdata/*.test.
func FuzzPlanFile(f *testing.F) {
	for _, in := range testdataInputs(f) {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := PlanFile("f.sql", src)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f.sql:") {
					t.Fatalf("error without position: %q", line)
				}
			}
			return
		}
		_ = Explain(d)
		_ = ExplainDot(d)
	})
}

// testdataInputs returns the input of every case of testdata/*.test: the lines between a
// command line and its "----".
func testdataInputs(f *testing.F) []string {
	paths, err := filepath.Glob("testdata/*.test")
	if err != nil || len(paths) == 0 {
		f.Fatalf("no testdata: %v", err)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, block := range strings.Split(string(b), "\n----\n") {
			lines := strings.Split(block, "\n")
			for i, l := range lines {
				if l == "plan" || l == "error" || strings.HasPrefix(l, "session") || l == "dot" {
					out = append(out, strings.Join(lines[i+1:], "\n"))
					break
				}
			}
		}
	}
	return out
}
