package executor

import (
	"testing"

	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// Acknowledgement barriers through single operators (the harness shows "barrier" where one is
// forwarded, in order with rows and watermarks).

func TestStatelessOperatorsForwardBarriersAtOnce(t *testing.T) {
	s := eventSchema(0)
	n := &planner.Node{Inputs: []int{0}, Schema: s, Op: &planner.FilterOp{Pred: call(">", types.Bool, colV, lit(int64(1), types.BigInt))}}
	in := sourceNode("ev", s, "file")
	h := newHarness(t, n, in)
	h.feed(0, batchOf(s, "ev", 1, row{"a", 1, 1}, row{"b", 2, 2}))
	h.barrier(0)
	h.check("b 2 2 @2", "wm=2", "barrier")
}

func TestWindowHoldsBarrierUntilItsWindowsAreEmitted(t *testing.T) {
	n, in := aggNode(&planner.Window{Kind: planner.Tumbling, Size: 10}, planner.EmitFinal)
	h := newHarness(t, n, in)
	h.barrier(0)
	h.check("barrier") // nothing before it
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 1}, row{"b", 2, 5}))
	h.barrier(0)
	h.feed(0, batchOf(in.Schema, "ev", 3, row{"a", 3, 8}))
	h.check("wm=5", "wm=8")
	h.feed(0, batchOf(in.Schema, "ev", 4, row{"a", 4, 12}))
	// [0,10) is emitted; [10,20) only holds a row that came after the barrier.
	h.check("a 0 10 2 4 @9", "b 0 10 1 2 @9", "wm=12", "barrier")
	h.barrier(0)
	h.end(0)
	h.check("a 10 20 1 4 @19", "barrier", "wm=+inf", "end")
}

func TestHoppingBarrierWaitsForEveryWindowOfItsRows(t *testing.T) {
	n, in := aggNode(&planner.Window{Kind: planner.Hopping, Size: 10, Advance: 5}, planner.EmitFinal)
	h := newHarness(t, n, in)
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 7}))
	h.barrier(0)
	h.feed(0, batchOf(in.Schema, "ev", 2, row{"a", 2, 11}))
	h.check("wm=7", "a 0 10 1 1 @9", "wm=11") // [5,15) still holds the row at 7
	h.watermark(0, 15)
	h.check("a 5 15 2 3 @14", "wm=15", "barrier")
}

func TestSessionHoldsBarrierWhileItsSessionIsOpen(t *testing.T) {
	n, in := aggNode(&planner.Window{Kind: planner.Session, Gap: 5}, planner.EmitFinal)
	h := newHarness(t, n, in)
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 0}))
	h.barrier(0)
	h.feed(0, batchOf(in.Schema, "ev", 2, row{"a", 2, 4}))
	h.check("wm=0", "wm=4") // the session [0,9) still grows
	h.feed(0, batchOf(in.Schema, "ev", 3, row{"b", 3, 9}))
	h.check("a 0 9 2 3 @8", "wm=9", "barrier")
}

func TestRunningAggregateHoldsBarrierUntilTheEnd(t *testing.T) {
	n, in := aggNode(nil, planner.EmitChanges)
	h := newHarness(t, n, in)
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 1}))
	h.barrier(0)
	h.watermark(0, 100)
	h.check("a 1 1 @1", "wm=1", "wm=100")
	h.end(0)
	h.check("barrier", "wm=+inf", "end")
}

func TestIntervalJoinHoldsBarrierWhileItsSideKeepsRows(t *testing.T) {
	n, l, r := joinNodes(planner.InnerJoin, 5, nil)
	h := newHarness(t, n, l, r)
	h.feed(0, batchOf(l.Schema, "l", 1, row{"a", 1, 10}))
	h.barrier(0)
	h.barrier(1) // nothing arrived on the right: it passes
	h.check("barrier")
	h.feed(1, batchOf(r.Schema, "r", 1, row{"a", 2, 12}))
	h.check("a 1 10 a 2 12 @10", "wm=5") // min(10, 12) - 5
	h.watermark(0, 16)
	h.check("wm=7") // the left row at 10 is kept until the watermark passes 15
	h.watermark(1, 16)
	h.check("wm=11", "barrier")
}

func TestLookupJoinHoldsTableBarriers(t *testing.T) {
	n, s, tb := tableNodes(planner.InnerJoin, true)
	h := newHarness(t, n, s, tb)
	h.feed(1, batchOf(tb.Schema, "t", 1, row{"a", 10, 1}))
	h.barrier(1)
	h.feed(0, batchOf(s.Schema, "s", 1, row{"a", 1, 5}))
	h.barrier(0) // the stream row waits for the table's watermark
	h.check("wm=1")
	h.watermark(1, 5)
	h.check("a 1 5 a 10 1 @5", "wm=5", "barrier")
	h.end(1)
	h.end(0)
	h.check("barrier", "wm=+inf", "end")
}
