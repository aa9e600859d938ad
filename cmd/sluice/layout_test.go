package main

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/sluicedata/sluice"

// layoutRule says which of our packages (and which heavy libraries) a package may depend on,
// transitively, as DESIGN.md lays out the dependency direction.
type layoutRule struct {
	pkg     string   // a package pattern for go list
	allowed []string // our package prefixes it may depend on (besides itself)
	banned  []string // third-party module prefixes it must not compile
}

var clients = []string{"github.com/duckdb/", "github.com/twmb/franz-go", "github.com/aws/", "github.com/hamba/avro"}

var layoutRules = []layoutRule{
	{pkg: "types/...", banned: clients},
	{pkg: "parser/...", banned: clients},
	{pkg: "planner/...", allowed: []string{"parser", "types", "connectors"}, banned: clients},
	{pkg: "executor/...", allowed: []string{"planner", "types", "connectors"}, banned: clients},
	{pkg: "connectors/...", allowed: []string{"types", "lake"}, banned: []string{"github.com/duckdb/"}},
	{pkg: "lake", allowed: []string{"types", "connectors"}, banned: []string{"github.com/duckdb/"}},
}

// TestDependencyDirection enforces DESIGN.md's dependency direction over `go list -deps`.
func TestDependencyDirection(t *testing.T) {
	for _, r := range layoutRules {
		for pkg, deps := range listDeps(t, r.pkg) {
			for _, d := range deps {
				if msg := r.violation(pkg, d); msg != "" {
					t.Errorf("%s", msg)
				}
			}
		}
	}
}

func (r layoutRule) violation(pkg, dep string) string {
	for _, b := range r.banned {
		if strings.HasPrefix(dep, b) {
			return pkg + " must not compile " + dep
		}
	}
	if !strings.HasPrefix(dep, module+"/") {
		return ""
	}
	rel := strings.TrimPrefix(dep, module+"/")
	top := strings.SplitN(strings.TrimPrefix(pkg, module+"/"), "/", 2)[0]
	if rel == top || strings.HasPrefix(rel, top+"/") {
		return ""
	}
	for _, a := range r.allowed {
		if rel == a || strings.HasPrefix(rel, a+"/") && a != "connectors" {
			return ""
		}
	}
	return pkg + " must not import " + rel
}

func listDeps(t *testing.T, pattern string) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", module+"/"+pattern).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pattern, err)
	}
	deps := map[string][]string{}
	for _, pkg := range strings.Fields(string(out)) {
		d, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		deps[pkg] = strings.Fields(string(d))
	}
	return deps
}
