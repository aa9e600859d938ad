package executor

import (
	"context"

	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Context is what an operator sees of the runtime: where its output goes, the wall clock, the
// watermarks of its inputs, and the counters and error sinks of the run.
type Context struct {
	// Ctx is the run's context (cancelled at Ctrl-C or on the first error), for connector calls.
	Ctx context.Context

	node    *plan.Node
	clock   Clock
	emit    func(*types.Batch) error
	marks   *watermark.Tracker
	caught  []bool
	stats   *Stats
	rejects *rejects
	ended   bool
}

// Node is the plan node the operator implements.
func (c *Context) Node() *plan.Node { return c.node }

// Now is the wall-clock time in epoch ms.
func (c *Context) Now() int64 { return c.clock.Now() }

// Emit sends a batch downstream; it may block (backpressure). The batch must not be modified
// afterwards. Empty batches are dropped.
func (c *Context) Emit(b *types.Batch) error {
	if b == nil || b.Len == 0 || c.ended {
		return nil
	}
	c.stats.Nodes[c.node.ID].RowsOut.Add(int64(b.Len))
	return c.emit(b)
}

// Watermark is the operator's current watermark: the minimum over its inputs.
func (c *Context) Watermark() int64 { return c.marks.Min() }

// InputWatermark is the watermark of input port.
func (c *Context) InputWatermark(port int) int64 { return c.marks.Port(port) }

// InputCaughtUp reports whether input port has caught up with its sources: a bounded source has
// been read to its end, an unbounded one has gone idle once (no new record for an idle interval).
func (c *Context) InputCaughtUp(port int) bool { return c.caught[port] }

// InputIdle reports whether input port is idle: caught up, and nothing delivered for
// Options.IdleTimeout; it is then left out of Watermark until it delivers again.
func (c *Context) InputIdle(port int) bool { return c.marks.Idle(port) }

// Late counts row i of b as late under watermark wm, and sends it to its source's error sink
// (reason "late") when the row still knows where it came from (Batch.Origin).
func (c *Context) Late(b *types.Batch, i int, wm int64, why string) error {
	c.stats.Late.Add(1)
	return c.rejects.late(b, i, wm, why)
}

// Filtered counts n rows dropped by a predicate.
func (c *Context) Filtered(n int) { c.stats.Filtered.Add(int64(n)) }

// Duplicates counts n rows dropped by deduplication.
func (c *Context) Duplicates(n int) { c.stats.Duplicates.Add(int64(n)) }

// EndOutput says the operator will emit nothing more (LIMIT reached): the runtime ends its
// output downstream and stops feeding it.
func (c *Context) EndOutput() { c.ended = true }

// OutputEnded reports whether EndOutput was called.
func (c *Context) OutputEnded() bool { return c.ended }
