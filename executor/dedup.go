package executor

import (
	"container/heap"
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// dedup implements DEDUPLICATE BY keys [WITHIN d]: a row is dropped when a row with the same key
// was kept earlier (in arrival order) and their event times differ by at most d; without
// WITHIN, every repeat of a key is dropped. The kept row of a key is forgotten once the
// watermark passes its time + d (a later row of that key is then kept again); a row judges this
// with its own watermark (Batch.WM), so the result does not depend on how rows are batched.
type dedup struct {
	within int64
	keys   []*expr
	table  *state.KeyTable
	times  []int64 // per group: event time of the kept row
	expiry timeHeap
	wm     int64
	cols   []*types.Vector
	hashes []uint64
	sel    []int
}

func newDedup(op *plan.DedupOp) (*dedup, error) {
	keys, err := compileAll(op.Keys)
	if err != nil {
		return nil, err
	}
	return &dedup{within: op.Within, keys: keys, table: state.NewKeyTable(exprTypes(op.Keys)), wm: types.MinTime}, nil
}

func exprTypes(es []plan.Expr) []types.Type {
	out := make([]types.Type, len(es))
	for i, e := range es {
		out[i] = e.Type()
	}
	return out
}

func (d *dedup) Process(ctx *Context, _ int, b *types.Batch) error {
	var err error
	if d.cols, err = evalAll(d.keys, b, d.cols); err != nil {
		return err
	}
	d.hashes = state.HashRows(d.cols, b.Len, d.hashes)
	d.sel = d.sel[:0]
	for i := range b.Len {
		if d.keep(i, b.Time[i], watermark.Effective(d.wm, b.WM, i)) {
			d.sel = append(d.sel, i)
		}
	}
	ctx.Duplicates(b.Len - len(d.sel))
	if len(d.sel) == b.Len {
		return ctx.Emit(b)
	}
	return ctx.Emit(b.Select(d.sel))
}

// keep decides row i (time t, judged under watermark wm) and records it when kept.
func (d *dedup) keep(i int, t, wm int64) bool {
	g := d.table.Find(d.cols, i, d.hashes[i], 0)
	if g < 0 {
		g = d.table.Insert(d.cols, i, d.hashes[i], 0)
		d.times = state.GrowTo(d.times, d.table.Cap())
	} else if d.duplicate(d.times[g], t, wm) {
		return false
	}
	d.times[g] = t
	if d.within > 0 {
		heap.Push(&d.expiry, timeEntry{t: t, id: g})
	}
	return true
}

// duplicate reports whether a row at t repeats the kept row at kept.
func (d *dedup) duplicate(kept, t, wm int64) bool {
	if d.within == 0 {
		return true
	}
	if expired(kept, d.within, wm) {
		return false
	}
	return t-kept <= d.within && kept-t <= d.within
}

// expired reports whether state for a row at t, kept for d, is behind watermark wm.
func expired(t, d, wm int64) bool { return wm > t && wm-t > d }

func (d *dedup) Watermark(_ *Context, wm int64) (int64, error) {
	d.wm = wm
	for len(d.expiry) > 0 && expired(d.expiry[0].t, d.within, wm) {
		e := heap.Pop(&d.expiry).(timeEntry)
		if d.table.Live(e.id) && d.times[e.id] == e.t {
			d.table.Delete(e.id)
		}
	}
	return wm, nil
}

func (d *dedup) Finish(*Context) error { return nil }

func (d *dedup) State() StateInfo {
	return StateInfo{Kind: "first row per key", Entries: d.table.Len()}
}

// Snapshot writes the watermark, then each live key with its kept row's time.
func (d *dedup) Snapshot() ([]byte, error) {
	var e state.Encoder
	e.Int(d.wm)
	e.Uint(uint64(d.table.Len()))
	for g := range int32(d.table.Cap()) {
		if d.table.Live(g) {
			d.table.SaveKey(&e, g)
			e.Int(d.times[g])
		}
	}
	return e.Bytes(), nil
}

func (d *dedup) Restore(b []byte) error {
	dec := state.NewDecoder(b)
	d.wm = dec.Int()
	for n := dec.Len(); n > 0 && dec.Err() == nil; n-- {
		g := d.table.LoadKey(dec)
		t := dec.Int()
		if g >= 0 {
			d.times = state.GrowTo(d.times, d.table.Cap())
			d.times[g] = t
			if d.within > 0 {
				heap.Push(&d.expiry, timeEntry{t: t, id: g})
			}
		}
	}
	if err := dec.Done(); err != nil {
		return fmt.Errorf("deduplicate: %w", err)
	}
	return nil
}

// timeEntry is an item of a time-ordered heap: something with id that expires after t.
// Ties are broken by seq (arrival order, when the user sets it), then id, so that the order is
// deterministic.
type timeEntry struct {
	t   int64
	seq int64
	id  int32
}

type timeHeap []timeEntry

func (h timeHeap) Len() int { return len(h) }
func (h timeHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.t != b.t {
		return a.t < b.t
	}
	if a.seq != b.seq {
		return a.seq < b.seq
	}
	return a.id < b.id
}
func (h timeHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *timeHeap) Push(x any)   { *h = append(*h, x.(timeEntry)) }
func (h *timeHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}
