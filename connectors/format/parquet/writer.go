package parquet

import (
	"fmt"
	"io"
	"strings"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"

	"github.com/sluicedata/sluice/types"
)

// Options configure a Writer.
type Options struct {
	Compression  string            // zstd (default), snappy, none
	RowGroupSize int               // rows per row group; default DefaultRowGroupSize
	Skip         []bool            // columns not written (partition keys), by schema index
	Metadata     map[string]string // key/value metadata of the file footer
}

// DefaultRowGroupSize is the row-group size when Options.RowGroupSize is 0.
const DefaultRowGroupSize = 65536

// Writer encodes batches of one schema into one Parquet file, column by column.
type Writer struct {
	pw      *pq.Writer
	cols    []column
	buf     [][]pq.Value // per leaf column, reused across batches
	group   int          // rows in the current row group
	maxRows int
	rows    int64
}

// column is one written schema column: its index in the batch and its shredder.
type column struct {
	idx int
	sh  *shredder
}

// Codec returns the parquet-go codec named by a `compression` option.
func Codec(name string) (compress.Codec, error) {
	switch strings.ToLower(name) {
	case "", "zstd":
		return &pq.Zstd, nil
	case "snappy":
		return &pq.Snappy, nil
	case "none", "uncompressed":
		return &pq.Uncompressed, nil
	}
	return nil, fmt.Errorf("unknown compression %q (expected zstd, snappy or none)", name)
}

// NewWriter starts a Parquet file on out for batches of schema s.
func NewWriter(out io.Writer, s *types.Schema, o Options) (*Writer, error) {
	ps, err := Schema("sluice", s, o.Skip)
	if err != nil {
		return nil, err
	}
	codec, err := Codec(o.Compression)
	if err != nil {
		return nil, err
	}
	w := &Writer{maxRows: o.RowGroupSize}
	if w.maxRows <= 0 {
		w.maxRows = DefaultRowGroupSize
	}
	opts := []pq.WriterOption{ps, pq.Compression(codec), pq.CreatedBy("sluice", "", "")}
	for k, v := range o.Metadata {
		opts = append(opts, pq.KeyValueMetadata(k, v))
	}
	w.pw = pq.NewWriter(out, opts...)
	w.layout(s, o.Skip)
	return w, nil
}

func (w *Writer) layout(s *types.Schema, skip []bool) {
	next := 0
	for i, f := range s.Fields {
		if i < len(skip) && skip[i] {
			continue
		}
		w.cols = append(w.cols, column{idx: i, sh: newShredder(f.Type, 0, 0, &next)})
	}
	w.buf = make([][]pq.Value, next)
}

// Write appends the rows of b listed in sel (all rows when sel is nil), cutting row groups at
// Options.RowGroupSize rows.
func (w *Writer) Write(b *types.Batch, sel []int) error {
	if sel == nil {
		sel = allRows(b.Len)
	}
	for len(sel) > 0 {
		n := min(len(sel), w.maxRows-w.group)
		if err := w.writeChunk(b, sel[:n]); err != nil {
			return err
		}
		sel = sel[n:]
		if w.group += n; w.group >= w.maxRows {
			w.group = 0
			if err := w.pw.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

func allRows(n int) []int {
	sel := make([]int, n)
	for i := range sel {
		sel[i] = i
	}
	return sel
}

func (w *Writer) writeChunk(b *types.Batch, sel []int) error {
	for i := range w.buf {
		w.buf[i] = w.buf[i][:0]
	}
	for _, c := range w.cols {
		if err := shredColumn(c.sh, b.Cols[c.idx], sel, w.buf); err != nil {
			return fmt.Errorf("column %s: %w", b.Schema.Fields[c.idx].Name, err)
		}
	}
	cws := w.pw.ColumnWriters()
	for i, vals := range w.buf {
		if _, err := cws[i].WriteRowValues(vals); err != nil {
			return err
		}
	}
	w.rows += int64(len(sel))
	return nil
}

// Rows is the number of rows written so far.
func (w *Writer) Rows() int64 { return w.rows }

// Size estimates the file's size so far (written bytes plus the uncompressed buffered row group).
func (w *Writer) Size() int64 { return w.pw.Size() }

// Close writes the last row group and the footer. It does not close the underlying writer.
func (w *Writer) Close() error { return w.pw.Close() }
