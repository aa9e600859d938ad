package executor

import (
	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// running aggregates per key without a window; its state lives as long as the query.
type running struct {
	a       *aggregate
	table   *state.KeyTable
	maxTime []int64 // per group: largest event time seen
	runs    runs
}

func newRunning(a *aggregate) *running {
	return &running{a: a, table: state.NewKeyTable(a.keyTyp)}
}

// retains: a key's aggregate holds every row of the key until the end of input.
func (r *running) retains(int64) bool { return r.table.Len() > 0 }

func (r *running) group(i int, t int64) int32 {
	g, added := r.table.FindOrInsert(r.a.keyCols, i, r.a.hashes[i], 0)
	if added {
		r.sized()
		r.maxTime[g] = t
	}
	r.maxTime[g] = max(r.maxTime[g], t)
	return g
}

// sized makes the per-group slices cover every group id.
func (r *running) sized() {
	r.a.grow(r.table.Cap())
	r.maxTime = state.GrowTo(r.maxTime, r.table.Cap())
}

func (r *running) process(ctx *Context, b *types.Batch) error {
	if r.a.op.Emit == plan.EmitFinal {
		for i, t := range b.Time[:b.Len] {
			r.a.groups[i] = r.group(i, t)
		}
		r.a.updateAll(r.a.groups[:b.Len], b.Time)
		return nil
	}
	return ctx.Emit(r.changes(b))
}

// changes updates row by row and returns an output row per input row that changes its key's
// row; consecutive rows of distinct keys are updated together.
func (r *running) changes(b *types.Batch) *types.Batch {
	rb := newRowBuilder(r.a.schema, b.Len)
	from := 0
	r.runs.next()
	for i, t := range b.Time[:b.Len] {
		g := r.group(i, t)
		if r.runs.repeats(g) {
			r.flush(rb, b, from, i)
			from = i
		}
		r.a.groups[i] = g
	}
	r.flush(rb, b, from, b.Len)
	return rb.batch()
}

func (r *running) flush(rb *rowBuilder, b *types.Batch, from, to int) {
	r.a.updateRange(r.a.groups, b.Time, from, to)
	for i := from; i < to; i++ {
		g := r.a.groups[i]
		r.a.appendRow(rb, r.table.Keys(), g, nil, g)
		rb.time = append(rb.time, b.Time[i])
		rb.wm = append(rb.wm, watermark.Effective(r.a.wm, b.WM, i))
		r.a.last.emit(rb, g)
	}
}

func (r *running) watermark(*Context, int64) error { return nil }

// finish emits one row per key (EMIT FINAL), in first-seen order.
func (r *running) finish(ctx *Context) error {
	if r.a.op.Emit != plan.EmitFinal {
		return nil
	}
	rb := newRowBuilder(r.a.schema, r.table.Len())
	for g := range int32(r.table.Cap()) {
		r.a.appendRow(rb, r.table.Keys(), g, nil, g)
		rb.time = append(rb.time, r.maxTime[g])
	}
	return ctx.Emit(rb.batch())
}

func (r *running) entries() int { return r.table.Len() }

func (r *running) save(e *state.Encoder) error {
	e.Uint(uint64(r.table.Len()))
	for g := range int32(r.table.Cap()) {
		r.table.SaveKey(e, g)
		e.Int(r.maxTime[g])
		if err := r.a.saveGroup(e, g); err != nil {
			return err
		}
	}
	return nil
}

func (r *running) load(d *state.Decoder) error {
	for n := d.Len(); n > 0 && d.Err() == nil; n-- {
		g := r.table.LoadKey(d)
		t := d.Int()
		if g < 0 {
			break
		}
		r.sized()
		r.maxTime[g] = t
		if err := r.a.loadGroup(d, g); err != nil {
			return err
		}
	}
	return d.Err()
}
