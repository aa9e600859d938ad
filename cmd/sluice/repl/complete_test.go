package repl

import (
	"sort"
	"testing"
)

// complete returns the words Tab would complete the end of line to.
func complete(s *session, line string) []string {
	c := &completer{s: s}
	rs := []rune(line)
	adds, n := c.Do(rs, len(rs))
	word := string(rs[len(rs)-n:])
	var out []string
	for _, a := range adds {
		out = append(out, word+string(a))
	}
	sort.Strings(out)
	return out
}

func TestCompletion(t *testing.T) {
	s, _ := testSession(t, ordersDDL, `CREATE STREAM big AS SELECT id, amount FROM orders WHERE amount > 5;`)
	cases := []struct {
		pending, line string
		want          []string // every one of these is offered
		not           []string // none of these is
	}{
		{"", "SEL", []string{"SELECT"}, []string{"select"}},
		{"", "sel", []string{"select"}, []string{"SELECT"}},
		{"", "SELECT * FROM o", []string{"orders"}, []string{"OR"}},
		{"", "SELECT * FROM orders JOIN b", []string{"big"}, nil},
		{"", "SELECT coun", []string{"country", "count("}, []string{"COUNT("}},
		{"", "SELECT orders.am", []string{"orders.amount"}, nil},
		{"", "SELECT ts, UP", []string{"UPPER("}, nil},
		{"", "DESCRIBE b", []string{"big"}, nil},
		{"", "DROP STREAM ", []string{"big", "orders"}, []string{"SELECT"}},
		{"", "TERMINATE ", []string{"big", "ALL"}, []string{"orders"}},
		{"", `\fo`, []string{`\format`}, nil},
		{"", `\format j`, []string{"json"}, nil},
		{"", `\d or`, []string{"orders"}, nil},
		{"", `\help SEL`, []string{"SELECT"}, nil},
		{"CREATE STREAM x (a INT) WITH (\n", "connector = 'file', pa", []string{"path", "partition_by"}, []string{"topic"}},
		{"", "CREATE STREAM x (a INT) WITH (connector = 'kafka', to", []string{"topic"}, nil},
		{"", "CREATE STREAM x (a INT) WITH (connector = ", []string{"'file'", "'datagen'", "'kafka'"}, nil},
		{"", "CREATE STREAM x (a INT) WITH (connector = 'file', format = ", []string{"'json'", "'parquet'"}, nil},
		{"", "CREATE STREAM x (a INT) WITH (connector = 'file') AS SEL", []string{"SELECT"}, nil},
	}
	for _, c := range cases {
		s.pending = c.pending
		got := complete(s, c.line)
		for _, w := range c.want {
			if !contains(got, w) {
				t.Errorf("complete(%q, %q) = %q: missing %q", c.pending, c.line, got, w)
			}
		}
		for _, w := range c.not {
			if contains(got, w) {
				t.Errorf("complete(%q, %q) = %q: should not offer %q", c.pending, c.line, got, w)
			}
		}
	}
}

func TestCompletionRunFiles(t *testing.T) {
	s, _ := testSession(t)
	if got := complete(s, `\run ord`); !contains(got, "orders.jsonl") {
		t.Errorf(`\run ord completes to %q, want orders.jsonl`, got)
	}
}
