// Package executor runs a physical plan (planner.DAG): it instantiates one operator per node,
// runs one goroutine per task, moves columnar batches and watermarks along bounded channels, and
// stops at the end of all bounded inputs, at the first error, or when its context is cancelled.
package executor

import (
	"github.com/sluicedata/sluice/types"
)

// Operator is the logic of one plan node. The runtime calls its methods from a single goroutine,
// never concurrently. Operators emit rows through the Context; a batch is immutable once
// emitted or received (fan-out shares it), so an operator never writes into its input.
//
// Time is explicit: event time travels in Batch.Time (and Batch.WM, the source's watermark as of
// each row), progress arrives as watermarks, and the wall clock is Context.Now.
type Operator interface {
	// Process handles a batch that arrived on input port (0 for single-input operators; a join's
	// left or stream side is 0, its right or table side 1).
	Process(ctx *Context, port int, b *types.Batch) error
	// Watermark is called when the operator's watermark (the minimum over its inputs) advances
	// to wm. It returns the watermark to forward downstream: wm, or less when the operator still
	// holds rows that it will emit with earlier times.
	Watermark(ctx *Context, wm int64) (int64, error)
	// Finish is called once every input has ended, after Watermark(types.MaxTime).
	Finish(ctx *Context) error
	// Snapshot encodes the operator's state; Restore loads it into a fresh operator built from the
	// same node, which then continues as the original would have.
	Snapshot() ([]byte, error)
	Restore(state []byte) error
	// State declares what the operator keeps (for EXPLAIN and metrics).
	State() StateInfo
}

// StateInfo declares an operator's state.
type StateInfo struct {
	Kind    string // "" for a stateless operator, else what it keeps: "first row per key", ...
	Entries int    // keys, groups or rows currently held
}

// PortObserver is implemented by operators that need to know each input's progress, not only the
// combined watermark (a lookup join waits for its table side). InputProgress is called after an
// input's watermark advances, the input catches up or goes idle; Context.InputWatermark,
// Context.InputCaughtUp and Context.InputIdle report the state.
type PortObserver interface {
	InputProgress(ctx *Context, port int) error
}

// Retainer is implemented by operators whose output for a row can come later than the row, or
// that keep state derived from their input (windows, join buffers, a lookup join's table): an
// acknowledgement barrier (see barrier.go) waits in front of them until Retains is false.
// Retains reports whether the operator may still hold state derived from a row that arrived on
// port with event time at or before t. The runtime asks after watermarks, catch-ups and ends,
// so the answer may cost a scan of the state.
type Retainer interface {
	Retains(port int, t int64) bool
}
