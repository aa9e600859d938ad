package planner

import (
	"os"
	"path/filepath"
	"testing"
)

type exampleFile struct{ name, text string }

// exampleFiles returns the repository's example queries and its copies of the acceptance cases.
func exampleFiles(t *testing.T) []exampleFile {
	var out []exampleFile
	for _, pattern := range []string{"../queries/*/*.sql", "../cmd/sluice/testdata/acceptance/*/query.sql"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, exampleFile{p, string(b)})
		}
	}
	if len(out) == 0 {
		t.Fatal("no example queries found")
	}
	return out
}
