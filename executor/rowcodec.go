package executor

import (
	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/types"
)

// saveRow encodes row i of b: its values, time and watermark (for snapshots of kept rows).
func saveRow(e *state.Encoder, b *types.Batch, i int) {
	for _, v := range b.Cols {
		e.Value(v.Value(i))
	}
	e.Int(b.Time[i])
	wm := types.MinTime
	if b.WM != nil {
		wm = b.WM[i]
	}
	e.Int(wm)
}

// loadRow decodes a row written by saveRow into a one-row batch of schema s.
func loadRow(d *state.Decoder, s *types.Schema) *types.Batch {
	b := types.NewBatch(s, 1)
	for _, v := range b.Cols {
		state.AppendValue(v, d.Value())
	}
	b.Time = append(b.Time, d.Int())
	b.WM = []int64{d.Int()}
	b.Len = 1
	return b
}
