package parser

import (
	"strings"
	"testing"
)

func TestErrorFormatting(t *testing.T) {
	l := ErrorList{{Pos: Pos{File: "q.sql", Line: 3, Col: 7}, Msg: "expected FROM, found 'FORM'"},
		{Pos: Pos{Line: 1, Col: 2}, Msg: "second"}}
	l.Sort()
	want := "1:2: second\nq.sql:3:7: expected FROM, found 'FORM'"
	if got := l.Error(); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if (ErrorList{}).Err() != nil || l.Err() == nil {
		t.Fatal("Err must be nil exactly for an empty list")
	}
}

// Parse returns the statements that parsed alongside the errors of the others.
func TestParseKeepsGoodStatements(t *testing.T) {
	f, err := Parse("f.sql", "SELECT 1; SELEC 2; SELECT 3")
	list, ok := err.(ErrorList)
	if !ok || len(list) != 1 || list[0].Pos != (Pos{File: "f.sql", Line: 1, Col: 11}) {
		t.Fatalf("errors: %v", err)
	}
	if f == nil || len(f.Statements) != 2 || f.Statements[1].String() != "SELECT 3" {
		t.Fatalf("statements: %v", f)
	}
}

// A statement too long to measure the expected set still gets a message and a position.
func TestLongStatementError(t *testing.T) {
	src := "SELECT " + strings.Repeat("a + ", 200) + " FROM t"
	_, err := Parse("f.sql", src)
	if err == nil || err.Error() != "f.sql:1:809: expected an expression, found 'FROM'" {
		t.Fatalf("got %v", err)
	}
}

func TestParseStatementAndExpr(t *testing.T) {
	st, err := ParseStatement("s", "SHOW STREAMS;")
	if err != nil || st.String() != "SHOW STREAMS" {
		t.Fatalf("%v %v", st, err)
	}
	if _, err := ParseStatement("s", "SHOW STREAMS; SHOW TABLES"); err == nil {
		t.Fatal("two statements must be an error")
	}
	x, err := ParseExpr("e", "a+b*2")
	if err != nil || x.String() != "a + b * 2" {
		t.Fatalf("%v %v", x, err)
	}
	if _, err := ParseExpr("e", "a +"); err == nil || !strings.HasPrefix(err.Error(), "e:1:4: expected") {
		t.Fatalf("got %v", err)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"FORM", "FROM", 1}, {"SELEC", "SELECT", 1}, {"TUMBLNG", "TUMBLING", 1}, {"WHIT", "WITH", 2}, {"", "AB", 2}, {"ABC", "ABC", 0}} {
		if got := EditDistance(c.a, c.b); got != c.d {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}
