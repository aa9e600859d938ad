package duck

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// Result is a query's answer: column names, their Sluice types, and rows of Sluice Values
// (types/value.go conventions), printed with Sluice's output encodings.
type Result struct {
	Columns []string
	Types   []types.Type
	DuckDB  []string // the DuckDB type names
	Rows    [][]any
}

// WriteJSON prints one JSON object per row, keys in column order, with SQL.md's encodings
// (TIMESTAMP as RFC 3339 UTC with milliseconds, DATE as YYYY-MM-DD, DECIMAL as a number).
func (r *Result) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	keys := make([][]byte, len(r.Columns))
	for i, c := range r.Columns {
		keys[i] = append(format.AppendString(nil, c), ':')
	}
	var line []byte
	for _, row := range r.Rows {
		line = append(line[:0], '{')
		for c, v := range row {
			if c > 0 {
				line = append(line, ',')
			}
			line = append(line, keys[c]...)
			line = format.AppendValue(line, r.Types[c], v)
		}
		bw.Write(append(line, '}', '\n'))
	}
	return bw.Flush()
}

// Text renders one value as a table or CSV cell: strings as they are, other scalars and nested
// values as their JSON encoding without the quotes of scalars; NULL as null.
func (r *Result) Text(c int, v any) string {
	if v == nil {
		return "NULL"
	}
	if s, ok := v.(string); ok && r.Types[c].Kind == types.KindString {
		return s
	}
	b := format.AppendValue(nil, r.Types[c], v)
	if len(b) >= 2 && b[0] == '"' && types.Storage(r.Types[c].Kind) != types.StoreAny {
		return string(b[1 : len(b)-1])
	}
	return string(b)
}

// WriteCSV prints a header row and one record per row (RFC 4180 quoting; NULL as an empty field).
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(r.Columns); err != nil {
		return err
	}
	rec := make([]string, len(r.Columns))
	for _, row := range r.Rows {
		for c, v := range row {
			rec[c] = ""
			if v != nil {
				rec[c] = r.Text(c, v)
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteTable prints an aligned table: a header, a rule, the rows (numbers right-aligned), and
// the row count.
func (r *Result) WriteTable(w io.Writer) error {
	cells := make([][]string, len(r.Rows))
	width := make([]int, len(r.Columns))
	for c, name := range r.Columns {
		width[c] = utf8.RuneCountInString(name)
	}
	for i, row := range r.Rows {
		cells[i] = make([]string, len(row))
		for c, v := range row {
			s := strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(r.Text(c, v))
			cells[i][c] = s
			width[c] = max(width[c], utf8.RuneCountInString(s))
		}
	}
	bw := bufio.NewWriter(w)
	r.writeLine(bw, r.Columns, width, false)
	rule := make([]string, len(width))
	for c := range width {
		rule[c] = strings.Repeat("-", width[c])
	}
	r.writeLine(bw, rule, width, false)
	for _, row := range cells {
		r.writeLine(bw, row, width, true)
	}
	fmt.Fprintf(bw, "(%d row%s)\n", len(r.Rows), map[bool]string{true: "", false: "s"}[len(r.Rows) == 1])
	return bw.Flush()
}

func (r *Result) writeLine(w io.Writer, cells []string, width []int, data bool) {
	var b strings.Builder
	for c, s := range cells {
		if c > 0 {
			b.WriteString(" | ")
		}
		pad := strings.Repeat(" ", width[c]-utf8.RuneCountInString(s))
		if data && r.Types[c].IsNumeric() && s != "NULL" {
			b.WriteString(pad + s)
		} else if c < len(cells)-1 {
			b.WriteString(s + pad)
		} else {
			b.WriteString(s)
		}
	}
	fmt.Fprintln(w, b.String())
}
