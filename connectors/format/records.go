package format

import (
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// RecordReader reads the records of one file of a typed format that is not line-based (a
// Parquet file, an Avro container file): the file carries its schema and typed values.
type RecordReader interface {
	// Schema is the file's columns as SQL types (a DECIMAL wider than 18 digits: see Wide).
	Schema() *types.Schema
	// Next reads the next record into cells, one per column of Schema. It returns io.EOF itself
	// (not wrapped) after the last record. Any other error is a record that cannot be read: it is rejected (reason
	// "decode") and Next is called again; a reader that cannot go on returns io.EOF then.
	Next(cells []Cell) error
	// Pos is the number of the record that Next read (or failed to read) last, from 1.
	Pos() int64
}

// Records turns the records of RecordReaders into batches of the Builder's (declared) schema.
// Declared columns are matched with the file's columns by name, case-insensitively; a declared
// column that the file lacks is NULL. Values are converted by the rules of Convert. Each row's
// position is Name:<record number> and its raw bytes are the record as one JSON object (the
// file's columns, in the file's order).
type Records struct {
	Source  string // the stream's name, for error records and Origin.Source
	Name    string // the file's name in positions
	Unit    string // what a record is called in messages: "row" (Parquet), "record" (Avro)
	Builder *Builder
	Out     connectors.Emitter
	Clock   func() int64 // epoch ms, for arrival time and rejections; time.Now when nil

	raw   rawArena
	cells []Cell
	text  []byte
}

// Read decodes every record of rr and emits the rows at the end (and whenever a batch is
// full). It returns nil at the end of the file, ctx's error when cancelled, or an emit error.
func (r *Records) Read(ctx context.Context, rr RecordReader) error {
	fs := rr.Schema()
	cols := MatchColumns(r.Builder.Schema(), fs)
	if cap(r.cells) < len(fs.Fields) {
		r.cells = make([]Cell, len(fs.Fields))
	}
	r.cells = r.cells[:len(fs.Fields)]
	r.Builder.SetOrigin(r.Source, r.Name+":")
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			r.Builder.Now = r.now()
		}
		err := rr.Next(r.cells)
		if err == io.EOF { // io.EOF itself: a wrapped one is a truncated file
			return r.emit()
		}
		if err != nil {
			r.reject(decodeErr("%s", err.Error()), rr.Pos(), nil)
			continue
		}
		if err := r.record(rr.Pos(), fs, cols); err != nil {
			return err
		}
	}
}

// MatchColumns returns, for each column of declared, the index of the file's column of the
// same name (case-insensitive), or -1.
func MatchColumns(declared, file *types.Schema) []int {
	out := make([]int, len(declared.Fields))
	for i, f := range declared.Fields {
		out[i] = file.Index(f.Name)
	}
	return out
}

// record appends the current record as a row, or rejects it.
func (r *Records) record(pos int64, fs *types.Schema, cols []int) error {
	b := r.Builder
	b.Begin()
	for j, i := range cols {
		if i < 0 {
			b.Col(j).AppendNull()
			continue
		}
		if err := b.AppendCell(j, &r.cells[i], &fs.Fields[i].Type); err != nil {
			b.Rollback()
			r.reject(err.inColumn(b.Schema().Fields[j].Name), pos, fs)
			return nil
		}
	}
	if err := b.CheckNotNull(); err != nil {
		b.Rollback()
		r.reject(err, pos, fs)
		return nil
	}
	b.Commit(pos, r.raw.keep(r.recordJSON(fs)))
	if b.Full() {
		return r.emit()
	}
	return nil
}

// recordJSON renders the current record as one JSON object into r.text.
func (r *Records) recordJSON(fs *types.Schema) []byte {
	r.text = append(r.text[:0], '{')
	for i := range r.cells {
		if i > 0 {
			r.text = append(r.text, ',')
		}
		r.text = append(AppendString(r.text, fs.Fields[i].Name), ':')
		r.text = AppendCellJSON(r.text, &r.cells[i], &fs.Fields[i].Type)
	}
	r.text = append(r.text, '}')
	return r.text
}

// reject sends an error record for record pos; fs is nil when the record could not be read
// (it has no raw bytes then).
func (r *Records) reject(err *RecordError, pos int64, fs *types.Schema) {
	var raw []byte
	if fs != nil {
		raw = append([]byte(nil), r.recordJSON(fs)...)
	}
	n := strconv.FormatInt(pos, 10)
	rec := err.Record(r.Source, r.Name+":"+n, raw, r.now())
	rec.Message = strings.TrimSpace(r.Unit+" "+n) + ": " + err.Msg
	r.Out.Reject(rec)
}

func (r *Records) emit() error {
	if b := r.Builder.Take(); b != nil {
		return r.Out.Emit(b)
	}
	return nil
}

func (r *Records) now() int64 {
	if r.Clock != nil {
		return r.Clock()
	}
	return time.Now().UnixMilli()
}

// rawArena keeps the raw bytes of rows in large chunks that are never overwritten.
type rawArena struct{ buf []byte }

func (a *rawArena) keep(p []byte) []byte {
	if cap(a.buf)-len(a.buf) < len(p) {
		a.buf = make([]byte, 0, max(arenaChunk, len(p)))
	}
	start := len(a.buf)
	a.buf = append(a.buf, p...)
	return a.buf[start:len(a.buf):len(a.buf)]
}

// RejectFile rejects a whole file that cannot be read in the format (reason "decode"; the
// position is the file's name).
func (r *Records) RejectFile(err error) {
	r.Out.Reject(decodeErr("%s", err.Error()).Record(r.Source, r.Name, nil, r.now()))
}
