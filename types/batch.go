package types

// Batch is a set of rows in columns: the unit that flows between operators.
//
// Time holds each row's event time in epoch ms (processing time, i.e. arrival time, when the
// stream has no watermark); it travels with the row even when the time column is projected
// away. WM, when not nil, holds for each row the watermark of its source as of that row (the
// largest event time read so far, including the row, minus the declared delay): operators use
// it to judge lateness row by row, so results do not depend on how rows are cut into batches.
// Origin, when not nil, says where each row came from, for error records (late rows); it is
// kept by stateless operators and dropped by those that build new rows.
type Batch struct {
	Schema *Schema
	Cols   []*Vector
	Len    int
	Time   []int64
	WM     []int64
	Origin *Origin
}

// Origin is the provenance of the rows of a batch.
type Origin struct {
	Source string   // the source stream's name
	Prefix string   // position prefix: "orders.jsonl:", "topic/3@", "s3://b/k.json:"
	Pos    []int64  // per row: line number or offset, appended to Prefix
	Raw    [][]byte // per row: the original bytes
}

// NewBatch returns an empty batch for schema with room for n rows.
func NewBatch(s *Schema, n int) *Batch {
	b := &Batch{Schema: s, Cols: make([]*Vector, len(s.Fields)), Time: make([]int64, 0, n)}
	for i, f := range s.Fields {
		b.Cols[i] = NewVector(f.Type, n)
	}
	return b
}

// Row returns row i as Values (nil for NULL). Not for hot paths.
func (b *Batch) Row(i int) []any {
	out := make([]any, len(b.Cols))
	for c, v := range b.Cols {
		out[c] = v.Value(i)
	}
	return out
}

// Select returns a new batch with the rows listed in sel, in that order, keeping Time, WM and
// Origin aligned (an Origin's nil Pos or Raw stays nil).
func (b *Batch) Select(sel []int) *Batch {
	out := &Batch{Schema: b.Schema, Cols: make([]*Vector, len(b.Cols)), Len: len(sel)}
	for c, v := range b.Cols {
		out.Cols[c] = v.Gather(sel)
	}
	out.Time, out.WM = gather(b.Time, sel), gather(b.WM, sel)
	if o := b.Origin; o != nil {
		out.Origin = &Origin{Source: o.Source, Prefix: o.Prefix, Pos: gather(o.Pos, sel), Raw: gather(o.Raw, sel)}
	}
	return out
}
