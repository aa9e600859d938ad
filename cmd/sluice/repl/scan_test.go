package repl

import (
	"reflect"
	"testing"
)

func TestSplitStatements(t *testing.T) {
	cases := []struct {
		text  string
		stmts []string
		rest  string
		state lexState
	}{
		{"SELECT 1;", []string{"SELECT 1;"}, "", inCode},
		{"SELECT 1; SELECT 2;\n", []string{"SELECT 1;", "SELECT 2;"}, "\n", inCode},
		{"SELECT ';'", nil, "SELECT ';'", inCode},
		{"SELECT 'it''s;", nil, "SELECT 'it''s;", inString},
		{"SELECT 'it''s;';", []string{"SELECT 'it''s;';"}, "", inCode},
		{"SELECT \"a;b\" FROM x;", []string{"SELECT \"a;b\" FROM x;"}, "", inCode},
		{"SELECT `a;b`;", []string{"SELECT `a;b`;"}, "", inCode},
		{"SELECT 1 -- no; end\n", nil, "SELECT 1 -- no; end\n", inCode},
		{"SELECT 1 /* a; */ ;", []string{"SELECT 1 /* a; */ ;"}, "", inCode},
		{"SELECT 1 /*/ ; */", nil, "SELECT 1 /*/ ; */", inCode},
		{"SELECT 1 /* ; ", nil, "SELECT 1 /* ; ", inBlockComment},
		{"-- only a comment;\n;", nil, "", inCode},
		{";;", nil, "", inCode},
		{"\n\n  SELECT\n 1;", []string{"SELECT\n 1;"}, "", inCode},
	}
	for _, c := range cases {
		pieces, at, state := splitStatements(c.text)
		var stmts []string
		for _, p := range pieces {
			if c.text[p.at:p.at+len(p.text)] != p.text {
				t.Errorf("splitStatements(%q): %q is not at %d", c.text, p.text, p.at)
			}
			stmts = append(stmts, p.text)
		}
		rest := c.text[at:]
		if !reflect.DeepEqual(stmts, c.stmts) || rest != c.rest || state != c.state {
			t.Errorf("splitStatements(%q) = %q, %q, %d; want %q, %q, %d", c.text, stmts, rest, state, c.stmts, c.rest, c.state)
		}
	}
}

func TestHistoryEntry(t *testing.T) {
	got := historyEntry("SELECT a, -- the key\n  b /* two\nlines */ FROM t\nWHERE s = '--x';")
	want := "SELECT a, b   FROM t WHERE s = '--x';"
	if got != want {
		t.Errorf("historyEntry = %q, want %q", got, want)
	}
}

func TestAdvance(t *testing.T) {
	p := position{line: 3, col: 5}.advance("ab\ncde\nf")
	if p != (position{line: 5, col: 2}) {
		t.Errorf("advance = %+v, want line 5 col 2", p)
	}
}
