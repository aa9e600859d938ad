package executor

import (
	"fmt"

	"github.com/sluicedata/sluice/executor/eval"
	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// aggregate groups rows by key (and window) and computes aggregate calls. Output columns: the
// keys, then window_start and window_end when windowed, then one column per aggregate.
//
// Windowed (tumbling, hopping, session): a window closes when the watermark reaches
// window_end + grace; a row all of whose windows are closed is late (dropped, counted, sent to
// its source's error sink). Lateness is judged per row with the larger of the operator's
// watermark and the row's own (Batch.WM), so results do not depend on batching. Output rows
// carry Time = window_end - 1 (Flink's window_time).
//   - EMIT FINAL: one row per window when it closes, in window order then first-row order;
//     its WM is window_end + grace - 1, the last watermark under which the window was open.
//   - EMIT CHANGES: a window's row right after an input row changes it (SQL.md: "whenever a
//     window's result changes"; Flink's group aggregation drops an update equal to the
//     previous result): a group's first row is always emitted, a later one only when some
//     output column differs from the row last emitted for the group (lastRows). A session that
//     absorbs others or changes its bounds is a changed row (the merged session).
//
// Without a window the aggregate runs per key forever: EMIT CHANGES emits the key's updated row
// after an input row that changes it (Time and WM of that row), as above; EMIT FINAL one row per
// key at the end of input, in first-seen order, with Time = the key's largest event time.
type aggregate struct {
	op     *plan.AggregateOp
	schema *types.Schema
	keys   []*expr
	args   [][]*expr
	accs   []eval.Accumulator
	keyTyp []types.Type
	wm     int64
	mode   grouping
	last   lastRows // EMIT CHANGES: per group, the row last emitted

	// per batch scratch
	keyCols []*types.Vector
	argVals [][]*types.Vector
	views   [][]*types.Vector
	hashes  []uint64
	groups  []int32
}

// grouping is the window-specific part of an aggregate.
type grouping interface {
	process(ctx *Context, b *types.Batch) error
	watermark(ctx *Context, wm int64) error
	finish(ctx *Context) error
	entries() int
	// retains reports whether state derived from a row at event time t may remain (Retainer).
	retains(t int64) bool
	save(e *state.Encoder) error
	load(d *state.Decoder) error
}

func newAggregate(n *plan.Node, op *plan.AggregateOp) (*aggregate, error) {
	want := len(op.Keys) + len(op.Aggs)
	if op.Window != nil {
		want += 2
	}
	if n.Schema.Len() != want {
		return nil, fmt.Errorf("output schema has %d columns, want %d", n.Schema.Len(), want)
	}
	a := &aggregate{op: op, schema: n.Schema, keyTyp: exprTypes(op.Keys), wm: types.MinTime,
		last: newLastRows(n.Schema, len(op.Keys))}
	if err := a.compile(); err != nil {
		return nil, err
	}
	a.mode = newGrouping(a)
	return a, nil
}

func (a *aggregate) compile() error {
	var err error
	if a.keys, err = compileAll(a.op.Keys); err != nil {
		return err
	}
	if a.accs, err = newAccumulators(a.op.Aggs); err != nil {
		return err
	}
	a.args = make([][]*expr, len(a.op.Aggs))
	a.argVals = make([][]*types.Vector, len(a.op.Aggs))
	a.views = make([][]*types.Vector, len(a.op.Aggs))
	for i, ag := range a.op.Aggs {
		if a.args[i], err = compileAll(ag.Args); err != nil {
			return err
		}
		a.views[i] = make([]*types.Vector, len(ag.Args))
		for j := range a.views[i] {
			a.views[i][j] = &types.Vector{}
		}
	}
	return nil
}

func newGrouping(a *aggregate) grouping {
	w := a.op.Window
	switch {
	case w == nil:
		return newRunning(a)
	case w.Kind == plan.Session:
		return newSessions(a)
	case w.Kind == plan.Hopping:
		return newFixed(a, w.Size, w.Advance)
	}
	return newFixed(a, w.Size, w.Size)
}

func (a *aggregate) Process(ctx *Context, _ int, b *types.Batch) error {
	if err := a.evalInputs(b); err != nil {
		return err
	}
	return a.mode.process(ctx, b)
}

// evalInputs evaluates keys and aggregate arguments over b, and hashes the keys.
func (a *aggregate) evalInputs(b *types.Batch) error {
	var err error
	if a.keyCols, err = evalAll(a.keys, b, a.keyCols); err != nil {
		return err
	}
	for i, xs := range a.args {
		if a.argVals[i], err = evalAll(xs, b, a.argVals[i]); err != nil {
			return err
		}
	}
	a.hashes = state.HashRows(a.keyCols, b.Len, a.hashes)
	a.groups = state.GrowTo(a.groups[:0], b.Len)
	return nil
}

func (a *aggregate) Watermark(ctx *Context, wm int64) (int64, error) {
	a.wm = wm
	return wm, a.mode.watermark(ctx, wm)
}

func (a *aggregate) Finish(ctx *Context) error { return a.mode.finish(ctx) }

// Retains implements Retainer: windowed state is released when its window is emitted, a running
// aggregate's never (before the end of input).
func (a *aggregate) Retains(_ int, t int64) bool { return a.mode.retains(t) }

func (a *aggregate) State() StateInfo {
	kind := "per group"
	if a.op.Window != nil {
		kind = "per group and window"
	}
	return StateInfo{Kind: kind, Entries: a.mode.entries()}
}

// grow makes group ids below n valid in every accumulator.
func (a *aggregate) grow(n int) {
	for _, acc := range a.accs {
		acc.Grow(n)
	}
}

// updateAll adds every row of the batch with groups[i] >= 0 to its group.
func (a *aggregate) updateAll(groups []int32, times []int64) {
	for i, acc := range a.accs {
		acc.Update(groups, a.argVals[i], times)
	}
}

// updateRange adds rows [s, e) of the batch to groups[s:e] through views of the arguments.
func (a *aggregate) updateRange(groups []int32, times []int64, s, e int) {
	if s >= e {
		return
	}
	for i, acc := range a.accs {
		for j, v := range a.argVals[i] {
			viewInto(a.views[i][j], v, s, e)
		}
		acc.Update(groups[s:e], a.views[i], times[s:e])
	}
}

// release frees group g in every accumulator and forgets its last emitted row.
func (a *aggregate) release(g int32) {
	for _, acc := range a.accs {
		acc.Reset(g)
	}
	a.last.forget(g)
}

// appendRow appends an output row: the key stored at row k of keys, the window when set, and
// group g's aggregates.
func (a *aggregate) appendRow(rb *rowBuilder, keys []*types.Vector, k int32, w *span, g int32) {
	c := 0
	for _, v := range keys {
		rb.cols[c].AppendFrom(v, int(k))
		c++
	}
	if w != nil {
		rb.cols[c].I64 = append(rb.cols[c].I64, w.start)
		rb.cols[c+1].I64 = append(rb.cols[c+1].I64, w.end)
		c += 2
	}
	for _, acc := range a.accs {
		acc.Append(rb.cols[c], g)
		c++
	}
}

// span is a window's bounds.
type span struct{ start, end int64 }

// saveGroup writes group g's accumulator states and its last emitted row.
func (a *aggregate) saveGroup(e *state.Encoder, g int32) error {
	for _, acc := range a.accs {
		b, err := acc.Save(g)
		if err != nil {
			return err
		}
		e.Blob(b)
	}
	a.last.save(e, g)
	return nil
}

// loadGroup reads what saveGroup wrote into group g.
func (a *aggregate) loadGroup(d *state.Decoder, g int32) error {
	a.grow(int(g) + 1)
	for _, acc := range a.accs {
		if err := acc.Load(g, d.Blob()); err != nil {
			return err
		}
	}
	a.last.load(d, g)
	return d.Err()
}

func (a *aggregate) Snapshot() ([]byte, error) {
	var e state.Encoder
	e.Int(a.wm)
	if err := a.mode.save(&e); err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	return e.Bytes(), nil
}

func (a *aggregate) Restore(b []byte) error {
	d := state.NewDecoder(b)
	a.wm = d.Int()
	err := a.mode.load(d)
	if err == nil {
		err = d.Done()
	}
	if err != nil {
		return fmt.Errorf("aggregate: %w", err)
	}
	return nil
}
