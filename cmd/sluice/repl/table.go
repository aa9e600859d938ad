package repl

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// table lays out rows of text cells as `sluice query` prints them: a header, a rule of dashes,
// cells separated by " | ", numbers right-aligned, the last column unpadded.
type table struct {
	header  []string
	numeric []bool // right-align the column
	width   []int
}

func newTable(header []string, numeric []bool) *table {
	t := &table{header: header, numeric: numeric, width: make([]int, len(header))}
	for c, h := range header {
		t.width[c] = utf8.RuneCountInString(h)
	}
	return t
}

// fit widens the columns to hold cells; it reports whether a column grew.
func (t *table) fit(cells []string) bool {
	grew := false
	for c, s := range cells {
		if n := utf8.RuneCountInString(s); n > t.width[c] {
			t.width[c], grew = n, true
		}
	}
	return grew
}

// writeHeader prints the header and the rule.
func (t *table) writeHeader(w io.Writer) {
	t.writeLine(w, t.header, false)
	rule := make([]string, len(t.width))
	for c, n := range t.width {
		rule[c] = strings.Repeat("-", n)
	}
	t.writeLine(w, rule, false)
}

// writeLine prints one line of cells padded to the column widths.
func (t *table) writeLine(w io.Writer, cells []string, data bool) {
	var b strings.Builder
	for c, s := range cells {
		if c > 0 {
			b.WriteString(" | ")
		}
		pad := strings.Repeat(" ", max(0, t.width[c]-utf8.RuneCountInString(s)))
		switch {
		case data && t.numeric[c] && s != "NULL":
			b.WriteString(pad + s)
		case c < len(cells)-1:
			b.WriteString(s + pad)
		default:
			b.WriteString(s)
		}
	}
	fmt.Fprintln(w, b.String())
}

// writeAll prints a whole table with its row count.
func (t *table) writeAll(w io.Writer, rows [][]string) {
	for _, r := range rows {
		t.fit(r)
	}
	t.writeHeader(w)
	for _, r := range rows {
		t.writeLine(w, r, true)
	}
	fmt.Fprintln(w, rowCount(len(rows)))
}

func rowCount(n int) string {
	if n == 1 {
		return "(1 row)"
	}
	return fmt.Sprintf("(%d rows)", n)
}

// cellEscaper keeps a cell on one line.
var cellEscaper = strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`)
