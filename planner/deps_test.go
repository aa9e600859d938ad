package planner

import (
	"os/exec"
	"strings"
	"testing"
)

// The planner depends on parser, types and the connector specs only: no executor, no connector
// implementation, no lake, no client library (DESIGN.md's dependency direction).
func TestDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const mod = "github.com/sluicedata/sluice/"
	allowed := map[string]bool{mod + "planner": true, mod + "parser": true, mod + "types": true, mod + "connectors": true}
	for _, dep := range strings.Fields(string(out)) {
		switch {
		case strings.HasPrefix(dep, mod) && !allowed[dep]:
			t.Errorf("planner imports %s", dep)
		case strings.Contains(dep, ".") && !strings.HasPrefix(dep, mod) && !strings.HasPrefix(dep, "github.com/alecthomas/participle"):
			t.Errorf("planner imports the library %s", dep)
		}
	}
}
