package parser

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestParse runs testdata/*.test. Commands:
//
//	parse   input is a file; prints each statement's canonical form and checks that it parses
//	        back to the same AST; fails when the input has errors
//	ast     like parse, but prints the AST tree with positions
//	expr    input is an expression; prints its canonical form and a fully parenthesised form
//	error   input is a file that must not parse; prints the error list
func TestParse(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.test")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) { runFile(t, path) })
	}
}

func runFile(t *testing.T, path string) {
	datadriven.RunTest(t, path, func(t *testing.T, td *datadriven.TestData) string {
		switch td.Cmd {
		case "parse", "ast":
			return runParse(t, td)
		case "expr":
			return runExpr(t, td)
		case "error":
			return runError(t, td)
		}
		t.Fatalf("%s: unknown command %q", td.Pos, td.Cmd)
		return ""
	})
}

func runParse(t *testing.T, td *datadriven.TestData) string {
	f, err := Parse("test.sql", td.Input)
	if err != nil {
		t.Fatalf("%s: unexpected error:\n%v", td.Pos, err)
	}
	out := f.String()
	if td.Cmd == "ast" {
		out = ""
		for _, s := range f.Statements {
			out += dumpAST(s) + "\n"
		}
	}
	if err := roundTrip(f); err != nil {
		t.Fatalf("%s: %v", td.Pos, err)
	}
	return out
}

func runExpr(t *testing.T, td *datadriven.TestData) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(td.Input), "\n") {
		e, err := ParseExpr("expr", line)
		if err != nil {
			b.WriteString(err.Error() + "\n")
			continue
		}
		b.WriteString(e.String() + "  =>  " + sexpr(e) + "\n")
		again, err := ParseExpr("expr", e.String())
		if err != nil || again.String() != e.String() || sexpr(again) != sexpr(e) {
			t.Fatalf("%s: %q does not round-trip: %v", td.Pos, line, err)
		}
	}
	return b.String()
}

func runError(t *testing.T, td *datadriven.TestData) string {
	_, err := Parse("test.sql", td.Input)
	if err == nil {
		t.Fatalf("%s: expected an error", td.Pos)
	}
	return err.Error() + "\n"
}
