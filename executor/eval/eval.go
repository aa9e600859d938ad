// Package eval compiles planner expressions into kernels that loop over a columnar Batch, and
// implements every scalar function and aggregate of the dialect.
package eval

import (
	"github.com/sluicedata/sluice/types"
)

// Kernel is a compiled expression. Eval returns a vector with b.Len rows; it never panics on
// data (division by zero, bad casts and the like yield NULL). A kernel may reuse its output
// vector between calls: callers must copy what they keep.
type Kernel interface {
	Eval(b *types.Batch) (*types.Vector, error)
}

// Accumulator holds the running states of one aggregate call for many groups, addressed by dense
// group ids 0..n-1 that the calling operator assigns (a group is a key, or a key and a window).
type Accumulator interface {
	// Grow makes group ids below n valid; new groups start empty.
	Grow(n int)
	// Update adds row i of args to group groups[i] for i < len(groups); a group id < 0 skips the
	// row. times holds the rows' event times (EARLIEST/LATEST use them).
	Update(groups []int32, args []*types.Vector, times []int64)
	// Merge folds group src into group dst (session windows that meet) and resets src.
	Merge(dst, src int32)
	// Reset empties group g so that its id can be reused.
	Reset(g int32)
	// Append appends group g's current result to out (of the AggCall's result type).
	Append(out *types.Vector, g int32)
	// Save and Load encode and decode one group's state for snapshots.
	Save(g int32) ([]byte, error)
	Load(g int32, state []byte) error
}
