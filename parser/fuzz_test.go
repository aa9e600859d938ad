package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that no input panics (a recovered panic shows as an "internal error"), that
// every error has a position, and that whatever parses prints canonical SQL that parses back to
// the same AST. It is seeded with every input of testdata/*.test.
func FuzzParse(f *testing.F) {
	for _, seed := range corpus(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, err := Parse("fuzz.sql", src)
		checkErrors(t, src, err)
		if rerr := roundTrip(file); rerr != nil {
			t.Fatalf("input %q: %v", src, rerr)
		}
		x, err := ParseExpr("fuzz.sql", src)
		checkErrors(t, src, err)
		if err == nil {
			checkExprRoundTrip(t, src, x)
		}
	})
}

func checkErrors(t *testing.T, src string, err error) {
	if err == nil {
		return
	}
	list, ok := err.(ErrorList)
	if !ok || len(list) == 0 {
		t.Fatalf("input %q: error %T %v is not a non-empty ErrorList", src, err, err)
	}
	for _, e := range list {
		if strings.Contains(e.Msg, "internal error") || !e.Pos.IsValid() {
			t.Fatalf("input %q: bad error %v", src, e)
		}
	}
}

func checkExprRoundTrip(t *testing.T, src string, x Expr) {
	text := x.String()
	y, err := ParseExpr("fuzz.sql", text)
	if err != nil {
		t.Fatalf("input %q: canonical %q does not parse: %v", src, text, err)
	}
	if y.String() != text {
		t.Fatalf("input %q: canonical %q prints as %q", src, text, y.String())
	}
	zeroPositions(x)
	zeroPositions(y)
	if sexpr(x) != sexpr(y) || dumpAST(x) != dumpAST(y) {
		t.Fatalf("input %q: canonical %q parses to another tree:\n%s\n%s", src, text, dumpAST(x), dumpAST(y))
	}
}

// corpus returns the input of every directive in testdata/*.test (and each line of expr ones).
func corpus(tb testing.TB) []string {
	paths, err := filepath.Glob("testdata/*.test")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no testdata: %v", err)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, directiveInputs(string(b))...)
	}
	return out
}

func directiveInputs(text string) []string {
	var out []string
	var cur []string
	cmd := ""
	for _, line := range strings.Split(text, "\n") {
		switch {
		case cmd == "" && (line == "parse" || line == "ast" || line == "error" || line == "expr"):
			cmd, cur = line, nil
		case cmd != "" && line == "----":
			out = append(out, strings.Join(cur, "\n"))
			if cmd == "expr" {
				out = append(out, cur...)
			}
			cmd = ""
		case cmd != "":
			cur = append(cur, line)
		}
	}
	return out
}
