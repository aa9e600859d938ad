package format

import (
	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// DefaultBatchRows is the number of rows sources put in a batch.
const DefaultBatchRows = 1024

// Builder fills batches row by row for a decoder: a decoder appends one value to each column
// vector, then Commit completes the row (event time, origin) or Rollback removes it.
type Builder struct {
	schema  *types.Schema
	rows    int
	batch   *types.Batch
	arena   arena
	timeCol int
	notNull []bool
	source  string
	prefix  string
	// Now is the arrival time in epoch ms given to the rows of a processing-time stream;
	// the source updates it (once per read is enough).
	Now int64
}

// NewBuilder returns a builder of batches of up to rows rows (DefaultBatchRows when rows <= 0).
// The event-time column, when the schema has one, is NOT NULL for the builder.
func NewBuilder(s *types.Schema, rows int) *Builder {
	if rows <= 0 {
		rows = DefaultBatchRows
	}
	b := &Builder{schema: s, rows: rows, timeCol: -1, notNull: make([]bool, len(s.Fields))}
	if s.EventTime && s.TimeCol >= 0 && s.TimeCol < len(s.Fields) {
		b.timeCol = s.TimeCol
	}
	for i, f := range s.Fields {
		b.notNull[i] = f.NotNull || i == b.timeCol
	}
	return b
}

// SetOrigin sets the stream name and position prefix ("readings.jsonl:") of the rows that
// follow. Take the pending batch first when the prefix changes: a batch has one prefix.
func (b *Builder) SetOrigin(source, prefix string) { b.source, b.prefix = source, prefix }

// Schema is the schema of the batches built.
func (b *Builder) Schema() *types.Schema { return b.schema }

// Len is the number of committed rows of the pending batch.
func (b *Builder) Len() int {
	if b.batch == nil {
		return 0
	}
	return b.batch.Len
}

// Full reports whether the pending batch has reached its row count.
func (b *Builder) Full() bool { return b.Len() >= b.rows }

// Take returns the pending batch (nil when it has no row) and starts a new one.
func (b *Builder) Take() *types.Batch {
	out := b.batch
	b.batch = nil
	if out == nil || out.Len == 0 {
		return nil
	}
	out.Origin.Source, out.Origin.Prefix = b.source, b.prefix
	return out
}

// Begin starts a pending batch when there is none; decoders call it before a row.
func (b *Builder) Begin() {
	if b.batch == nil {
		b.start()
	}
}

// Col returns column i of the pending batch, to append the current row's value to.
func (b *Builder) Col(i int) *types.Vector {
	b.Begin()
	return b.batch.Cols[i]
}

func (b *Builder) start() {
	b.batch = types.NewBatch(b.schema, b.rows)
	b.batch.Origin = &types.Origin{Pos: make([]int64, 0, b.rows), Raw: make([][]byte, 0, b.rows)}
}

// String copies p into the batch arena (see the package doc for the lifetime rule).
func (b *Builder) String(p []byte) string { return b.arena.str(p) }

// CheckNotNull returns a not_null error when the current row has a NULL in a NOT NULL column
// or in the event-time column.
func (b *Builder) CheckNotNull() *RecordError {
	row := b.Len()
	for i, nn := range b.notNull {
		if nn && b.batch.Cols[i].Nulls.Get(row) {
			return b.notNullErr(i)
		}
	}
	return nil
}

func (b *Builder) notNullErr(i int) *RecordError {
	name := b.schema.Fields[i].Name
	msg := "column " + name + " is NOT NULL but the value is null or missing"
	if i == b.timeCol {
		msg = "column " + name + " holds the event time (the stream has a watermark) but the value is null or missing"
	}
	return &RecordError{Reason: connectors.ReasonNotNull, Msg: msg}
}

// Commit completes the current row: its event time (the time column, else Now), its position
// and its raw bytes (kept by reference).
func (b *Builder) Commit(pos int64, raw []byte) {
	bt := b.batch
	t := b.Now
	if b.timeCol >= 0 {
		t = bt.Cols[b.timeCol].I64[bt.Len]
	}
	bt.Time = append(bt.Time, t)
	bt.Origin.Pos = append(bt.Origin.Pos, pos)
	bt.Origin.Raw = append(bt.Origin.Raw, raw)
	bt.Len++
}

// Rollback removes whatever the current row appended to the columns.
func (b *Builder) Rollback() {
	if b.batch == nil {
		return
	}
	for i := range b.batch.Cols {
		b.truncCol(i)
	}
}

// truncCol removes the current row's value from column i, if it has one.
func (b *Builder) truncCol(i int) {
	v, n := b.batch.Cols[i], b.batch.Len
	v.Nulls.Clear(n)
	switch types.Storage(v.Type.Kind) {
	case types.StoreI64:
		v.I64 = v.I64[:min(n, len(v.I64))]
	case types.StoreF64:
		v.F64 = v.F64[:min(n, len(v.F64))]
	case types.StoreBool:
		v.Bool = v.Bool[:min(n, len(v.Bool))]
	case types.StoreStr:
		v.Str = v.Str[:min(n, len(v.Str))]
	default:
		if len(v.Any) > n {
			clear(v.Any[n:])
			v.Any = v.Any[:n]
		}
	}
}

// fillNulls appends NULL to every column that has no value for the current row.
func (b *Builder) fillNulls() {
	n := b.batch.Len
	for _, v := range b.batch.Cols {
		if v.Len() == n {
			v.AppendNull()
		}
	}
}
