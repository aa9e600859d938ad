package executor

import (
	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/executor/window"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// fixed groups rows into tumbling (advance = size) or hopping windows. A group is a key and a
// window start: one KeyTable entry whose extra is the start.
type fixed struct {
	a       *aggregate
	size    int64
	advance int64
	grace   int64
	slots   int // the most windows a row can belong to
	table   *state.KeyTable
	index   *window.Index
	runs    runs
	bySlot  [][]int32 // per batch: each row's group in its j-th window
}

func newFixed(a *aggregate, size, advance int64) *fixed {
	return &fixed{a: a, size: size, advance: advance, grace: a.op.Window.Grace,
		slots: int((size + advance - 1) / advance), table: state.NewKeyTable(a.keyTyp), index: window.NewIndex()}
}

// start returns the start of the j-th latest window containing t (j = 0: the latest), and
// whether that window exists.
func (f *fixed) start(t int64, j int) (int64, bool) {
	s := window.TumblingStart(t, f.advance) - int64(j)*f.advance
	return s, s+f.size > t
}

// isLate reports whether every window of a row at t is closed under wm: the latest one is.
func (f *fixed) isLate(t, wm int64) bool {
	s, _ := f.start(t, 0)
	return window.Closed(s+f.size, f.grace, wm)
}

// group returns the group of row i in the window starting at s, creating it when new.
func (f *fixed) group(i int, s int64) int32 {
	a := f.a
	g, added := f.table.FindOrInsert(a.keyCols, i, a.hashes[i], s)
	if added {
		f.index.Add(s, g)
		a.grow(f.table.Cap())
		f.runs.forget(g)
	}
	return g
}

func (f *fixed) process(ctx *Context, b *types.Batch) error {
	if f.a.op.Emit == plan.EmitChanges {
		return f.processChanges(ctx, b)
	}
	late, err := f.dropLate(ctx, b)
	if err != nil {
		return err
	}
	f.assign(b, late)
	for _, groups := range f.bySlot {
		f.a.updateAll(groups[:b.Len], b.Time)
	}
	return nil
}

// dropLate reports (and counts) the late rows of b; nil when there are none.
func (f *fixed) dropLate(ctx *Context, b *types.Batch) ([]bool, error) {
	var late []bool
	for i, t := range b.Time[:b.Len] {
		wm := watermark.Effective(f.a.wm, b.WM, i)
		if !f.isLate(t, wm) {
			continue
		}
		if late == nil {
			late = make([]bool, b.Len)
		}
		late[i] = true
		if err := ctx.Late(b, i, wm, "its window had closed"); err != nil {
			return nil, err
		}
	}
	return late, nil
}

// assign sets bySlot[j][i] to row i's group in its j-th window (earliest first), or -1 when the
// row is late, has no such window, or that window is closed. Groups are created row by row, so a
// window's groups are in the order of their first rows.
func (f *fixed) assign(b *types.Batch, late []bool) {
	for len(f.bySlot) < f.slots {
		f.bySlot = append(f.bySlot, nil)
	}
	for j := range f.bySlot {
		f.bySlot[j] = state.GrowTo(f.bySlot[j][:0], b.Len)
	}
	for i, t := range b.Time[:b.Len] {
		for j := range f.slots {
			f.bySlot[j][i] = -1
			if late == nil || !late[i] {
				f.bySlot[j][i] = f.openGroup(b, i, t, f.slots-1-j)
			}
		}
	}
}

// openGroup returns row i's group in its k-th latest window, or -1 when there is none or it is
// closed.
func (f *fixed) openGroup(b *types.Batch, i int, t int64, k int) int32 {
	s, ok := f.start(t, k)
	if !ok || k > 0 && window.Closed(s+f.size, f.grace, watermark.Effective(f.a.wm, b.WM, i)) {
		return -1
	}
	return f.group(i, s)
}

// processChanges updates and emits row by row. For tumbling windows, consecutive rows that touch
// distinct groups are updated together (the result after the run is each row's result).
func (f *fixed) processChanges(ctx *Context, b *types.Batch) error {
	rb := newRowBuilder(f.a.schema, b.Len)
	from := 0
	f.runs.next()
	for i, t := range b.Time[:b.Len] {
		wm := watermark.Effective(f.a.wm, b.WM, i)
		if f.isLate(t, wm) {
			if err := ctx.Late(b, i, wm, "its window had closed"); err != nil {
				return err
			}
			f.a.groups[i] = -1
			continue
		}
		if f.slots > 1 {
			f.hopChanges(rb, b, i, wm)
			continue
		}
		from = f.tumbleChange(rb, b, i, from)
	}
	f.flushRun(rb, b, from, b.Len)
	return ctx.Emit(rb.batch())
}

// tumbleChange assigns row i's group; when the group already changed in the current run, the run
// [from, i) is flushed first. It returns the start of the current run.
func (f *fixed) tumbleChange(rb *rowBuilder, b *types.Batch, i, from int) int {
	s, _ := f.start(b.Time[i], 0)
	g := f.group(i, s)
	if f.runs.repeats(g) {
		f.flushRun(rb, b, from, i)
		from = i
	}
	f.a.groups[i] = g
	return from
}

// flushRun updates rows [from, to) and appends their output rows.
func (f *fixed) flushRun(rb *rowBuilder, b *types.Batch, from, to int) {
	if f.slots > 1 {
		return
	}
	f.a.updateRange(f.a.groups, b.Time, from, to)
	for i := from; i < to; i++ {
		if g := f.a.groups[i]; g >= 0 {
			f.appendChange(rb, b, i, g)
		}
	}
}

// hopChanges updates and emits row i in each of its open windows, earliest first.
func (f *fixed) hopChanges(rb *rowBuilder, b *types.Batch, i int, wm int64) {
	for j := f.slots - 1; j >= 0; j-- {
		s, ok := f.start(b.Time[i], j)
		if !ok || window.Closed(s+f.size, f.grace, wm) {
			continue
		}
		g := f.group(i, s)
		f.a.groups[i] = g
		f.a.updateRange(f.a.groups, b.Time, i, i+1)
		f.appendChange(rb, b, i, g)
	}
}

func (f *fixed) appendChange(rb *rowBuilder, b *types.Batch, i int, g int32) {
	s := f.table.Extra(g)
	f.a.appendRow(rb, f.table.Keys(), g, &span{s, s + f.size}, g)
	rb.time = append(rb.time, s+f.size-1)
	rb.wm = append(rb.wm, watermark.Effective(f.a.wm, b.WM, i))
	f.a.last.emit(rb, g)
}

// watermark closes the windows that end (plus grace) at or before wm; with EMIT FINAL their rows
// are emitted, in window order.
func (f *fixed) watermark(ctx *Context, wm int64) error {
	var rb *rowBuilder
	for {
		s, groups, ok := f.index.PopUntil(wm - f.size - f.grace)
		if !ok {
			break
		}
		if f.a.op.Emit == plan.EmitFinal && rb == nil {
			rb = newRowBuilder(f.a.schema, len(groups))
		}
		f.close(rb, s, groups)
	}
	if rb == nil {
		return nil
	}
	return ctx.Emit(rb.batch())
}

// close emits (when rb is set) and frees the groups of the window starting at s.
func (f *fixed) close(rb *rowBuilder, s int64, groups []int32) {
	end := s + f.size
	for _, g := range groups {
		if rb != nil {
			f.a.appendRow(rb, f.table.Keys(), g, &span{s, end}, g)
			rb.time = append(rb.time, end-1)
			rb.wm = append(rb.wm, end+f.grace-1)
		}
		f.a.release(g)
		f.table.Delete(g)
	}
}

func (f *fixed) finish(*Context) error { return nil }
func (f *fixed) entries() int          { return f.table.Len() }

// retains reports whether a window that a row at t belongs to may still be open: the latest one.
func (f *fixed) retains(t int64) bool { return f.table.Len() > 0 && !f.isLate(t, f.a.wm) }

// save writes every open window's groups in window order, each group in insertion order.
func (f *fixed) save(e *state.Encoder) error {
	e.Uint(uint64(f.table.Len()))
	var err error
	f.index.Each(func(_ int64, groups []int32) {
		for _, g := range groups {
			f.table.SaveKey(e, g)
			if err == nil {
				err = f.a.saveGroup(e, g)
			}
		}
	})
	return err
}

func (f *fixed) load(d *state.Decoder) error {
	for n := d.Len(); n > 0 && d.Err() == nil; n-- {
		g := f.table.LoadKey(d)
		if g < 0 {
			break
		}
		f.index.Add(f.table.Extra(g), g)
		if err := f.a.loadGroup(d, g); err != nil {
			return err
		}
	}
	return d.Err()
}
