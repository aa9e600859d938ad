package executor

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// aggNode is an aggregate over the event schema grouped by k: COUNT(*) and SUM(v).
func aggNode(w *planner.Window, emit planner.Emit) (*planner.Node, *planner.Node) {
	in := sourceNode("ev", eventSchema(0), "file")
	fields := []types.Field{{Name: "k", Type: types.String}}
	if w != nil {
		fields = append(fields, types.Field{Name: "window_start", Type: types.Timestamp}, types.Field{Name: "window_end", Type: types.Timestamp})
	}
	fields = append(fields, types.Field{Name: "n", Type: types.BigInt}, types.Field{Name: "s", Type: types.BigInt})
	op := &planner.AggregateOp{Keys: []planner.Expr{colK}, Window: w, Emit: emit, Aggs: []*planner.AggCall{
		{Fn: "count_star", T: types.BigInt}, {Fn: "sum", Args: []planner.Expr{colV}, T: types.BigInt}}}
	return &planner.Node{Name: "agg", Inputs: []int{0}, Schema: &types.Schema{Fields: fields, TimeCol: -1, EventTime: true}, Op: op}, in
}

func TestTumblingFinalLateRowsToErrorSink(t *testing.T) {
	n, in := aggNode(&planner.Window{Kind: planner.Tumbling, Size: 10}, planner.EmitFinal)
	h := newHarness(t, n, in)
	errs := &memErrors{}
	h.rt.rejects.sinks["ev"] = errs
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 1}, row{"b", 2, 5}, row{"a", 3, 12}, row{"a", 4, 9}))
	h.check("a 0 10 1 1 @9", "b 0 10 1 2 @9", "wm=12")
	h.end(0)
	h.check("a 10 20 1 3 @19", "wm=+inf", "end")
	if got := strings.Join(errs.lines(), "|"); got != "ev late ev.jsonl:4 a,4,9" {
		t.Fatalf("error records %q", got)
	}
	if h.rt.stats.Late.Load() != 1 || h.rt.stats.Errors("late") != 1 {
		t.Fatal("late rows are counted")
	}
}

func TestHoppingChangesSkipsClosedWindowsOfARow(t *testing.T) {
	n, in := aggNode(&planner.Window{Kind: planner.Hopping, Size: 10, Advance: 5}, planner.EmitChanges)
	h := newHarness(t, n, in)
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 7}, row{"a", 2, 11}, row{"a", 4, 9}))
	// row 3 (t=9) under watermark 11: [0,10) has closed, [5,15) is open.
	h.check("a 0 10 1 1 @9", "a 5 15 1 1 @14", "a 5 15 2 3 @14", "a 10 20 1 2 @19", "a 5 15 3 7 @14", "wm=11")
}

func TestSessionMergeAndFinal(t *testing.T) {
	n, in := aggNode(&planner.Window{Kind: planner.Session, Gap: 5}, planner.EmitFinal)
	in.Schema = eventSchema(10)
	h := newHarness(t, n, in)
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 0}, row{"b", 2, 1}, row{"a", 3, 8}, row{"a", 4, 4}))
	h.check("wm=-2")
	h.feed(0, batchOf(in.Schema, "ev", 5, row{"b", 5, 30}))
	h.check("b 1 6 1 2 @5", "a 0 13 3 8 @12", "wm=20")
	h.end(0)
	h.check("b 30 35 1 5 @34", "wm=+inf", "end")
}

func TestRunningFinalAtEnd(t *testing.T) {
	n, in := aggNode(nil, planner.EmitFinal)
	h := newHarness(t, n, in)
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"b", 1, 5}, row{"a", 2, 3}, row{"b", 3, 4}))
	h.check("wm=5")
	h.end(0)
	h.check("b 2 4 @5", "a 1 2 @3", "wm=+inf", "end")
}

func TestDedupWithinFreesState(t *testing.T) {
	in := sourceNode("ev", eventSchema(0), "file")
	n := &planner.Node{Inputs: []int{0}, Schema: in.Schema, Op: &planner.DedupOp{Keys: []planner.Expr{colK}, Within: 10}}
	h := newHarness(t, n, in)
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 0}, row{"a", 2, 10}, row{"b", 3, 11}, row{"a", 4, 11}))
	h.check("a 1 0 @0", "b 3 11 @11", "a 4 11 @11", "wm=11")
	if e := h.task.op.State().Entries; e != 2 {
		t.Fatalf("state entries %d, want 2 (a re-kept at 11, b)", e)
	}
	h.watermark(0, 30)
	if e := h.task.op.State().Entries; e != 0 {
		t.Fatalf("state entries %d after the watermark passed, want 0", e)
	}
	if h.rt.stats.Duplicates.Load() != 1 {
		t.Fatal("duplicates are counted")
	}
}

// joinNodes returns an interval join of two event streams on k, and its inputs.
func joinNodes(kind planner.JoinKind, within int64, residual planner.Expr) (*planner.Node, *planner.Node, *planner.Node) {
	l, r := sourceNode("l", eventSchema(0), "file"), sourceNode("r", eventSchema(0), "file")
	s := &types.Schema{Fields: append(append([]types.Field{}, l.Schema.Fields...), r.Schema.Fields...), EventTime: true, TimeCol: -1}
	op := &planner.IntervalJoinOp{Kind: kind, LeftKeys: []planner.Expr{colK}, RightKeys: []planner.Expr{colK}, Within: within, Residual: residual}
	return &planner.Node{Inputs: []int{0, 1}, Schema: s, Op: op}, l, r
}

func TestIntervalJoinLeftEmitsUnmatchedAndHoldsWatermark(t *testing.T) {
	n, l, r := joinNodes(planner.LeftJoin, 5, nil)
	h := newHarness(t, n, l, r)
	h.feed(0, batchOf(l.Schema, "l", 1, row{"a", 1, 10}, row{"b", 2, 11}))
	h.check()
	h.feed(1, batchOf(r.Schema, "r", 1, row{"a", 9, 14}, row{"a", 8, 16}))
	h.check("a 1 10 a 9 14 @10", "wm=6") // the left row's time; min(11, 16) - 5
	h.watermark(0, 17)
	h.check("wm=11") // b (11) can still match a right row at 16
	h.watermark(1, 17)
	h.check("b 2 11 NULL NULL NULL @11", "wm=12")
	h.feed(0, batchOf(l.Schema, "l", 3, row{"a", 3, 13}))
	// late: 13 is behind the left input's own watermark (17)
	h.check()
	if h.rt.stats.Late.Load() != 1 {
		t.Fatal("a row behind the watermark is late")
	}
}

// tableNodes returns a lookup join of the event stream to a table keyed by k.
func tableNodes(kind planner.JoinKind, tableEventTime bool) (*planner.Node, *planner.Node, *planner.Node) {
	s := sourceNode("s", eventSchema(0), "file")
	ts := eventSchema(0)
	ts.EventTime, ts.Key = tableEventTime, []int{0}
	tb := sourceNode("t", ts, "file")
	out := &types.Schema{Fields: append(append([]types.Field{}, s.Schema.Fields...), ts.Fields...), EventTime: true, TimeCol: 2}
	op := &planner.LookupJoinOp{Kind: kind, StreamKeys: []planner.Expr{colK}}
	return &planner.Node{Inputs: []int{0, 1}, Schema: out, Op: op}, s, tb
}

func TestLookupJoinVersionedWaitsForTable(t *testing.T) {
	n, s, tb := tableNodes(planner.LeftJoin, true)
	h := newHarness(t, n, s, tb)
	h.feed(1, batchOf(tb.Schema, "t", 1, row{"a", 100, 0}, row{"a", 200, 10}))
	h.check()
	h.feed(0, batchOf(s.Schema, "s", 1, row{"a", 1, 5}, row{"a", 2, 12}, row{"z", 3, 6}))
	// a@12 waits: the table's watermark (10) has not reached it
	h.check("a 1 5 a 100 0 @5", "z 3 6 NULL NULL NULL @6", "wm=10")
	h.end(1)
	h.check("a 2 12 a 200 10 @12", "wm=12")
}

func TestLookupJoinVersionedReleasesInTimeOrder(t *testing.T) {
	n, s, tb := tableNodes(planner.InnerJoin, true)
	h := newHarness(t, n, s, tb)
	h.feed(0, batchOf(s.Schema, "s", 1, row{"a", 1, 20}, row{"a", 2, 15}))
	h.check()
	h.feed(1, batchOf(tb.Schema, "t", 1, row{"a", 100, 0}, row{"a", 200, 18}))
	h.check("a 2 15 a 100 0 @15", "wm=18")
	h.end(1)
	h.check("a 1 20 a 200 18 @20", "wm=20")
}

func TestLookupJoinProcessingTimeTableLoadsFirst(t *testing.T) {
	n, s, tb := tableNodes(planner.InnerJoin, false)
	h := newHarness(t, n, s, tb)
	h.feed(0, batchOf(s.Schema, "s", 1, row{"a", 1, 5}))
	h.feed(1, batchOf(tb.Schema, "t", 1, row{"a", 100, 0}, row{"a", 200, 0}))
	h.check("wm=0")
	h.send(message{port: 1, kind: msgCaughtUp})
	h.check("a 1 5 a 200 0 @5")
}

func TestLimitEndsOutput(t *testing.T) {
	in := sourceNode("ev", eventSchema(0), "file")
	n := &planner.Node{Inputs: []int{0}, Schema: in.Schema, Op: &planner.LimitOp{N: 3}}
	h := newHarness(t, n, in)
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 1}, row{"b", 2, 2}))
	h.check("a 1 1 @1", "b 2 2 @2", "wm=2")
	h.feed(0, batchOf(in.Schema, "ev", 3, row{"c", 3, 3}, row{"d", 4, 4}))
	h.check("c 3 3 @3", "wm=+inf", "end")
}

func TestFilterProjectKeepTimeAndOrigin(t *testing.T) {
	in := sourceNode("ev", eventSchema(0), "file")
	pred := call(">", types.Bool, colV, lit(int64(1), types.BigInt))
	f := &planner.Node{Inputs: []int{0}, Schema: in.Schema, Op: &planner.FilterOp{Pred: pred}}
	h := newHarness(t, f, in)
	h.feed(0, batchOf(in.Schema, "ev", 7, row{"a", 1, 1}, row{"b", 2, 2}, row{"c", 3, 3}))
	h.check("b 2 2 @2", "c 3 3 @3", "wm=3")

	ps := &types.Schema{Fields: []types.Field{{Name: "double", Type: types.BigInt}}, TimeCol: -1, EventTime: true}
	p := &planner.Node{Inputs: []int{0}, Schema: ps, Op: &planner.ProjectOp{Exprs: []planner.Expr{call("*", types.BigInt, colV, lit(int64(2), types.BigInt))}}}
	op, err := NewOperator(p, []*planner.Node{in})
	if err != nil {
		t.Fatal(err)
	}
	var got []*types.Batch
	ctx := &Context{node: p, stats: newStats(dag(in, p)), emit: func(b *types.Batch) error { got = append(got, b); return nil }}
	b := batchOf(in.Schema, "ev", 7, row{"a", 1, 1}, row{"b", 2, 2})
	if err := op.Process(ctx, 0, b); err != nil {
		t.Fatal(err)
	}
	out := got[0]
	if fmt.Sprint(batchLines(got)) != "[2 @1 4 @2]" || out.Origin != b.Origin {
		t.Fatalf("project: %v, origin kept: %v", batchLines(got), out.Origin == b.Origin)
	}
}

// TestLookupJoinWaitingRowsKeepTheirOwnWatermark: a stream row released late by the table side
// must not look late downstream.
func TestLookupJoinWaitingRowsKeepTheirOwnWatermark(t *testing.T) {
	n, s, tb := tableNodes(planner.InnerJoin, true)
	s.Schema = eventSchema(10)
	h := newHarness(t, n, s, tb)
	var wms []int64
	h.task.octx.emit = func(b *types.Batch) error { wms = append(wms, b.WM...); return nil }
	h.feed(0, batchOf(s.Schema, "s", 1, row{"a", 1, 12}, row{"a", 2, 30})) // row watermarks 2, 20
	h.feed(1, batchOf(tb.Schema, "t", 1, row{"a", 100, 5}))                // operator watermark 5
	h.watermark(1, 40)
	if fmt.Sprint(wms) != "[2 20]" {
		t.Fatalf("row watermarks %v, want each row's own", wms)
	}
}

// TestIntervalJoinRowsKeepTheLeftRowsOriginAndWatermark: output rows carry the left row's
// position, raw text and own watermark (unmatched LEFT JOIN rows too).
func TestIntervalJoinRowsKeepTheLeftRowsOriginAndWatermark(t *testing.T) {
	n, l, r := joinNodes(planner.LeftJoin, 5, nil)
	h := newHarness(t, n, l, r)
	h.feed(0, batchOf(l.Schema, "l", 1, row{"a", 1, 10}, row{"b", 2, 11}))
	h.feed(1, batchOf(r.Schema, "r", 1, row{"a", 9, 14}))
	h.watermark(0, 30)
	h.watermark(1, 30)
	h.check("a 1 10 a 9 14 @10", "wm=6", "wm=9", "b 2 11 NULL NULL NULL @11", "wm=25")
	var got []string
	for _, b := range h.outs {
		for i := range b.Len {
			got = append(got, fmt.Sprintf("%s%d %s wm=%d", b.Origin.Prefix, b.Origin.Pos[i], b.Origin.Raw[i], b.WM[i]))
		}
	}
	if s := strings.Join(got, "|"); s != "l.jsonl:1 a,1,10 wm=10|l.jsonl:2 b,2,11 wm=11" {
		t.Fatalf("origins %s", s)
	}
}
