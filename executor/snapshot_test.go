package executor

import (
	"strings"
	"testing"

	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// event is one step of an operator's input.
type event struct {
	port int
	b    *types.Batch // a batch (then the port's watermark), or
	wm   int64        // a watermark when b is nil and end is false, or
	end  bool         // the end of the port
}

func (h *harness) apply(e event) {
	switch {
	case e.b != nil:
		h.feed(e.port, e.b)
	case e.end:
		h.end(e.port)
	default:
		h.watermark(e.port, e.wm)
	}
}

// resume builds a fresh operator for the same node, restores snapshot into it, and carries over
// what the runtime (not the operator) keeps: the input watermarks and the sources' generators.
func (h *harness) resume(t *testing.T, snapshot []byte, inputs []*planner.Node) *harness {
	t.Helper()
	n := h.task.node
	op, err := NewOperator(n, inputs)
	if err != nil {
		t.Fatal(err)
	}
	if err := op.Restore(snapshot); err != nil {
		t.Fatalf("restore: %v", err)
	}
	r := harnessFor(t, n, op, inputs)
	old, nt := h.task, r.task
	nt.octx.marks, nt.octx.caught = old.octx.marks, old.octx.caught
	nt.lastMin, nt.fwd, nt.caught, nt.ended, nt.nEnded = old.lastMin, old.fwd, old.caught, old.ended, old.nEnded
	nt.octx.ended, r.done = old.octx.ended, h.done
	r.gens = make([]*watermark.Generator, len(h.gens))
	for i, g := range h.gens {
		r.gens[i] = watermark.NewGenerator(inputs[i].Schema.Delay)
		r.gens[i].SetMax(g.Max())
	}
	return r
}

// checkRoundTrip runs events through the node's operator uninterrupted, then, for every cut
// point, snapshots after the cut, restores into a fresh operator and continues: the output must
// be the same.
func checkRoundTrip(t *testing.T, n *planner.Node, inputs []*planner.Node, events []event) {
	t.Helper()
	whole := newHarness(t, n, inputs...)
	for _, e := range events {
		whole.apply(e)
	}
	want := strings.Join(whole.out, "\n")
	for cut := 0; cut <= len(events); cut++ {
		h := newHarness(t, n, inputs...)
		for _, e := range events[:cut] {
			h.apply(e)
		}
		snap, err := h.task.op.Snapshot()
		if err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		r := h.resume(t, snap, inputs)
		for _, e := range events[cut:] {
			r.apply(e)
		}
		if got := strings.Join(append(h.out, r.out...), "\n"); got != want {
			t.Fatalf("cut after %d events:\n%s\nwant:\n%s", cut, got, want)
		}
	}
}

func aggEvents(s *types.Schema) []event {
	return []event{
		{b: batchOf(s, "ev", 1, row{"a", 1, 1}, row{"b", 2, 3}, row{"a", 3, 4})},
		{b: batchOf(s, "ev", 4, row{"a", 4, 12}, row{"b", 5, 6}, row{"c", 6, 14})},
		{b: batchOf(s, "ev", 7, row{"a", 7, 2}, row{"b", 8, 22}, row{"c", 9, 17})},
		{wm: 30},
		{b: batchOf(s, "ev", 10, row{"a", 10, 33}, row{"a", 11, 36})},
		{end: true},
	}
}

func TestSnapshotRoundTripAggregates(t *testing.T) {
	windows := map[string]*planner.Window{
		"running":  nil,
		"tumbling": {Kind: planner.Tumbling, Size: 10},
		"grace":    {Kind: planner.Tumbling, Size: 10, Grace: 5},
		"hopping":  {Kind: planner.Hopping, Size: 10, Advance: 5},
		"session":  {Kind: planner.Session, Gap: 5},
	}
	for name, w := range windows {
		for _, emit := range []planner.Emit{planner.EmitFinal, planner.EmitChanges} {
			t.Run(name+"/"+emit.String(), func(t *testing.T) {
				n, in := aggNode(w, emit)
				in.Schema = eventSchema(3)
				checkRoundTrip(t, n, []*planner.Node{in}, aggEvents(in.Schema))
			})
		}
	}
}

// maxNode is aggNode with one aggregate, MAX(v), whose result many rows leave unchanged.
func maxNode(w *planner.Window) (*planner.Node, *planner.Node) {
	n, in := aggNode(w, planner.EmitChanges)
	op := n.Op.(*planner.AggregateOp)
	op.Aggs = []*planner.AggCall{{Fn: "max", Args: []planner.Expr{colV}, T: types.BigInt}}
	n.Schema.Fields = n.Schema.Fields[:len(n.Schema.Fields)-1]
	return n, in
}

// TestSnapshotRoundTripKeepsLastEmitted: EMIT CHANGES remembers each group's last emitted row
// across a snapshot, so the rows of the third batch, which change no group's row, stay unemitted
// after a restore.
func TestSnapshotRoundTripKeepsLastEmitted(t *testing.T) {
	windows := map[string]*planner.Window{
		"running":  nil,
		"tumbling": {Kind: planner.Tumbling, Size: 10},
		"hopping":  {Kind: planner.Hopping, Size: 10, Advance: 5},
		"session":  {Kind: planner.Session, Gap: 5},
	}
	for name, w := range windows {
		t.Run(name, func(t *testing.T) {
			n, in := maxNode(w)
			in.Schema = eventSchema(3)
			s := in.Schema
			events := []event{
				{b: batchOf(s, "ev", 1, row{"a", 5, 1}, row{"a", 3, 2}, row{"b", 1, 3})},
				{b: batchOf(s, "ev", 4, row{"a", 7, 4}, row{"b", 0, 6})},
				{b: batchOf(s, "ev", 6, row{"a", 2, 3}, row{"b", 1, 4})},
				{wm: 30},
				{b: batchOf(s, "ev", 8, row{"a", 10, 33}, row{"a", 4, 36})},
				{end: true},
			}
			h := newHarness(t, n, in)
			for _, e := range events[:2] {
				h.apply(e)
			}
			snap, err := h.task.op.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			r := h.resume(t, snap, []*planner.Node{in})
			r.apply(events[2])
			for _, line := range r.out {
				if !strings.HasPrefix(line, "wm=") {
					t.Fatalf("a restored operator emits the unchanged row %q", line)
				}
			}
			checkRoundTrip(t, n, []*planner.Node{in}, events)
		})
	}
}

func TestSnapshotRoundTripDedup(t *testing.T) {
	for _, within := range []int64{0, 5} {
		in := sourceNode("ev", eventSchema(2), "file")
		n := &planner.Node{Inputs: []int{0}, Schema: in.Schema, Op: &planner.DedupOp{Keys: []planner.Expr{colK}, Within: within}}
		checkRoundTrip(t, n, []*planner.Node{in}, aggEvents(in.Schema))
	}
}

func joinEvents(l, r *types.Schema) []event {
	return []event{
		{port: 0, b: batchOf(l, "l", 1, row{"a", 1, 10}, row{"b", 2, 11}, row{"c", 3, 12})},
		{port: 1, b: batchOf(r, "r", 1, row{"a", 9, 14}, row{"c", 8, 30})},
		{port: 0, b: batchOf(l, "l", 4, row{"a", 4, 15}, row{"c", 5, 28})},
		{port: 1, b: batchOf(r, "r", 3, row{"a", 7, 16}, row{"b", 6, 40})},
		{port: 0, end: true},
		{port: 1, end: true},
	}
}

func TestSnapshotRoundTripIntervalJoin(t *testing.T) {
	for _, kind := range []planner.JoinKind{planner.InnerJoin, planner.LeftJoin} {
		n, l, r := joinNodes(kind, 5, nil)
		checkRoundTrip(t, n, []*planner.Node{l, r}, joinEvents(l.Schema, r.Schema))
	}
}

func TestSnapshotRoundTripLookupJoin(t *testing.T) {
	for _, versioned := range []bool{true, false} {
		n, s, tb := tableNodes(planner.LeftJoin, versioned)
		events := []event{
			{port: 0, b: batchOf(s.Schema, "s", 1, row{"a", 1, 5}, row{"b", 2, 12})},
			{port: 1, b: batchOf(tb.Schema, "t", 1, row{"a", 100, 0}, row{"b", 200, 10})},
			{port: 0, b: batchOf(s.Schema, "s", 3, row{"a", 3, 20}, row{"c", 4, 21})},
			{port: 1, b: batchOf(tb.Schema, "t", 3, row{"a", 300, 19}, row{"b", 400, 25})},
			{port: 1, end: true},
			{port: 0, end: true},
		}
		checkRoundTrip(t, n, []*planner.Node{s, tb}, events)
	}
}

func TestSnapshotRoundTripLimit(t *testing.T) {
	in := sourceNode("ev", eventSchema(0), "file")
	n := &planner.Node{Inputs: []int{0}, Schema: in.Schema, Op: &planner.LimitOp{N: 5}}
	checkRoundTrip(t, n, []*planner.Node{in}, aggEvents(in.Schema))
}

func TestRestoreRejectsCorruptSnapshots(t *testing.T) {
	n, in := aggNode(&planner.Window{Kind: planner.Tumbling, Size: 10}, planner.EmitFinal)
	h := newHarness(t, n, in)
	h.feed(0, batchOf(in.Schema, "ev", 1, row{"a", 1, 1}, row{"b", 2, 3}))
	snap, err := h.task.op.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	for cut := range len(snap) {
		op, _ := NewOperator(n, []*planner.Node{in})
		if err := op.Restore(snap[:cut]); err == nil {
			t.Fatalf("a snapshot cut at %d of %d bytes restored without error", cut, len(snap))
		}
	}
}
