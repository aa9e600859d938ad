package repl

import (
	"io"
	"strings"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// rowWriter prints the rows of a transient query as they arrive. Batches come from one sink
// task, so calls are never concurrent.
type rowWriter interface {
	batch(b *types.Batch)
	// finish prints what is left (a buffered table) and returns the number of rows written.
	finish() int
}

// Output formats of \format.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatCSV   = "csv"
)

// newRowWriter returns the writer for a query's rows: JSON lines, CSV, or a table. On a
// terminal (live) the table is printed as rows come, its columns sized by the first batch and
// widened (the header printed again) when a later value does not fit; otherwise the whole
// table is printed at the end, sized to its rows. key, when not nil, marks the rows of an
// EMIT CHANGES aggregate in an `op` column: +I for a group's first row, +U for its updates.
func newRowWriter(f string, live bool, w io.Writer, s *types.Schema, key *changelog) rowWriter {
	switch f {
	case formatJSON:
		return &jsonRows{w: w, enc: format.NewJSONEncoder(s)}
	case formatCSV:
		enc := format.NewCSVEncoder(s)
		w.Write(enc.Header(nil))
		return &csvRows{w: w, enc: enc}
	}
	t := newTable(header(s, key), numericColumns(s, key))
	if live {
		t.reserve(s, key != nil)
	}
	return &tableRows{w: w, t: t, live: live, key: key}
}

// reserve widens the columns of a live table to what their type usually needs, so that the
// header is seldom printed again.
func (t *table) reserve(s *types.Schema, op bool) {
	first := 0
	if op {
		first = 1
	}
	for i, f := range s.Fields {
		t.width[first+i] = max(t.width[first+i], typicalWidth(f.Type))
	}
}

func typicalWidth(t types.Type) int {
	switch t.Kind {
	case types.KindInt, types.KindBigInt:
		return 6
	case types.KindDouble:
		return 10
	case types.KindDecimal:
		return t.Precision + 2
	case types.KindTimestamp:
		return len("2026-01-01T00:00:00.000Z")
	case types.KindDate:
		return len("2026-01-01")
	case types.KindBool:
		return len("false")
	}
	return 8
}

func header(s *types.Schema, key *changelog) []string {
	names := s.Names()
	if key != nil {
		names = append([]string{"op"}, names...)
	}
	return names
}

func numericColumns(s *types.Schema, key *changelog) []bool {
	var out []bool
	if key != nil {
		out = append(out, false)
	}
	for _, f := range s.Fields {
		out = append(out, f.Type.IsNumeric())
	}
	return out
}

type jsonRows struct {
	w    io.Writer
	enc  *format.JSONEncoder
	buf  []byte
	rows int
}

func (j *jsonRows) batch(b *types.Batch) {
	j.buf = j.enc.AppendBatch(j.buf[:0], b)
	j.w.Write(j.buf)
	j.rows += b.Len
}

func (j *jsonRows) finish() int { return j.rows }

type csvRows struct {
	w    io.Writer
	enc  *format.CSVEncoder
	buf  []byte
	rows int
}

func (c *csvRows) batch(b *types.Batch) {
	c.buf = c.enc.AppendBatch(c.buf[:0], b)
	c.w.Write(c.buf)
	c.rows += b.Len
}

func (c *csvRows) finish() int { return c.rows }

type tableRows struct {
	w       io.Writer
	t       *table
	live    bool
	key     *changelog
	rows    [][]string // buffered (not live)
	n       int
	printed bool // the header is out (live)
}

func (t *tableRows) batch(b *types.Batch) {
	cells := make([][]string, b.Len)
	for i := range b.Len {
		cells[i] = rowCells(b, i)
		if t.key != nil {
			cells[i] = append([]string{t.key.op(cells[i])}, cells[i]...)
		}
	}
	t.n += b.Len
	if !t.live {
		t.rows = append(t.rows, cells...)
		return
	}
	t.print(cells)
}

// print writes rows of a live table, sizing the columns by the first batch.
func (t *tableRows) print(cells [][]string) {
	grew := false
	for _, c := range cells {
		grew = t.t.fit(c) || grew
	}
	if grew || !t.printed {
		t.t.writeHeader(t.w)
		t.printed = true
	}
	for _, c := range cells {
		t.t.writeLine(t.w, c, true)
	}
}

func (t *tableRows) finish() int {
	switch {
	case !t.live:
		t.t.writeAll(t.w, t.rows)
	case !t.printed:
		t.t.writeHeader(t.w)
		io.WriteString(t.w, rowCount(0)+"\n")
	default:
		io.WriteString(t.w, rowCount(t.n)+"\n")
	}
	return t.n
}

// rowCells renders row i of b as table cells.
func rowCells(b *types.Batch, i int) []string {
	out := make([]string, len(b.Cols))
	var buf []byte
	for c, v := range b.Cols {
		out[c], buf = cellText(buf[:0], v, i)
	}
	return out
}

// cellText renders one value as a table cell: NULL, a string as it is, other values as their
// JSON encoding without the quotes of scalars (timestamps, dates, bytes).
func cellText(buf []byte, v *types.Vector, i int) (string, []byte) {
	switch {
	case v.Nulls.Get(i):
		return "NULL", buf
	case v.Type.Kind == types.KindString:
		return cellEscaper.Replace(v.Str[i]), buf
	}
	buf = format.AppendVectorValue(buf, v, i)
	s := string(buf)
	if len(s) >= 2 && s[0] == '"' && types.Storage(v.Type.Kind) != types.StoreAny {
		s = s[1 : len(s)-1]
	}
	return cellEscaper.Replace(s), buf
}

// changelog tells a group's first row from its updates by the group's key columns.
type changelog struct {
	cols []int
	seen map[string]bool
}

func newChangelog(cols []int) *changelog { return &changelog{cols: cols, seen: map[string]bool{}} }

func (c *changelog) op(cells []string) string {
	var b strings.Builder
	for _, k := range c.cols {
		b.WriteString(cells[k])
		b.WriteByte(0)
	}
	if c.seen[b.String()] {
		return "+U"
	}
	c.seen[b.String()] = true
	return "+I"
}
