package parquet

import (
	"errors"
	"fmt"
	"io"

	pq "github.com/parquet-go/parquet-go"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// Reader reads the rows of a Parquet file as format.Cells, one per top-level column; it is a
// format.RecordReader. Rows are numbered from 1 across row groups. A row group that cannot be
// read is one "decode" error and its remaining rows are skipped.
type Reader struct {
	file   *pq.File
	cols   []*pnode
	schema *types.Schema
	groups []pq.RowGroup
	next   int   // the next row group
	start  int64 // number of the first row of the next row group, minus one
	rows   pq.Rows
	buf    []pq.Row
	n, i   int   // rows in buf, next row of buf
	pos    int64 // number of the row read last
	bounds []int // per leaf column: where its values start in the current row
	cur    cursor
	text   []byte
}

// batchRows is how many rows a Reader asks parquet-go for at once.
const batchRows = 256

// Open reads the footer and schema of the Parquet file r of size bytes.
func Open(r io.ReaderAt, size int64) (rd *Reader, err error) {
	defer recoverAs(&err, "not a readable Parquet file")
	f, err := pq.OpenFile(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a readable Parquet file: %w", err)
	}
	cols, err := planColumns(f.Root())
	if err != nil {
		return nil, err
	}
	nleaf := 0
	for _, c := range cols {
		nleaf += c.leaves
	}
	return &Reader{file: f, cols: cols, schema: fileSchema(cols), groups: f.RowGroups(),
		buf: make([]pq.Row, batchRows), bounds: make([]int, nleaf+1)}, nil
}

// ReadSchema returns the SQL schema of the Parquet file r (see the type table on nodeKind).
func ReadSchema(r io.ReaderAt, size int64) (*types.Schema, error) {
	rd, err := Open(r, size)
	if err != nil {
		return nil, err
	}
	return rd.Schema(), nil
}

// recoverAs turns a panic of parquet-go over malformed input into an error.
func recoverAs(err *error, what string) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("%s: %v", what, p)
	}
}

// Schema is the file's columns (format.Wide DECIMALs included).
func (r *Reader) Schema() *types.Schema { return r.schema }

// Rows is the number of rows the footer announces.
func (r *Reader) Rows() int64 { return r.file.NumRows() }

// Pos is the number of the row read last, from 1.
func (r *Reader) Pos() int64 { return r.pos }

// Next reads the next row into cells.
func (r *Reader) Next(cells []format.Cell) (err error) {
	defer recoverAs(&err, "row cannot be read")
	if r.i >= r.n {
		if err := r.fill(); err != nil {
			return err
		}
	}
	row := r.buf[r.i]
	r.i++
	r.pos++
	r.split(row)
	r.text = r.text[:0]
	for c, col := range r.cols {
		r.cell(col, row, &cells[c])
	}
	return nil
}

// fill reads the next rows, moving on to the next row group at the end of one.
func (r *Reader) fill() error {
	for {
		if r.rows == nil {
			if r.next >= len(r.groups) {
				return io.EOF
			}
			r.rows = r.groups[r.next].Rows()
			r.pos = r.start
			r.start += r.groups[r.next].NumRows()
			r.next++
		}
		n, err := r.readRows()
		if n > 0 {
			r.n, r.i = n, 0
			return nil
		}
		if err = r.endGroup(err); err != nil {
			return err
		}
	}
}

func (r *Reader) readRows() (n int, err error) {
	defer recoverAs(&err, "corrupt data")
	n, err = r.rows.ReadRows(r.buf)
	if err != nil && !errors.Is(err, io.EOF) {
		n = 0 // the rows of a failed read are not trusted
	}
	return n, err
}

// endGroup closes the current row group; a read error skips its remaining rows and is
// reported for the row after the last one read.
func (r *Reader) endGroup(err error) error {
	r.rows.Close()
	r.rows = nil
	if err == nil || errors.Is(err, io.EOF) {
		return nil
	}
	r.pos++
	return &rowsError{first: r.pos, last: r.start, group: r.next, err: err}
}

// rowsError is a row group that cannot be read from row first on.
type rowsError struct {
	first, last int64
	group       int
	err         error
}

func (e *rowsError) Error() string {
	return fmt.Sprintf("row group %d cannot be read (rows %d to %d are skipped): %v", e.group, e.first, e.last, e.err)
}

// split finds where each leaf column's values start in row (values are in column order).
func (r *Reader) split(row pq.Row) {
	j := 0
	last := len(r.bounds) - 1
	for l := 0; l < last; l++ {
		r.bounds[l] = j
		for j < len(row) && row[j].Column() == l {
			j++
		}
	}
	r.bounds[last] = j
}

// cell reads top-level column col of row into c.
func (r *Reader) cell(col *pnode, row pq.Row, c *format.Cell) {
	*c = format.Cell{}
	if col.kind == kindLeaf {
		v := row[r.bounds[col.first]]
		if c.Null = v.IsNull(); !c.Null {
			leafCell(col.conv, col.typ.Scale, v, c, &r.text)
		}
		return
	}
	r.cur.reset(row, r.bounds, col)
	c.V = r.value(col)
	c.Null = c.V == nil
}
