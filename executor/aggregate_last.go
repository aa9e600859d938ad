package executor

import (
	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/types"
)

// lastRows remembers, for EMIT CHANGES, the output row last emitted per group so that an update
// that leaves a group's row as it was is not emitted again (Flink's group aggregation drops it
// too). It keeps the output columns after the keys (window bounds and aggregates; a group's key
// never changes), group g in row g of typed vectors.
type lastRows struct {
	from int             // first output column remembered
	cols []*types.Vector // row g: group g's last emitted values
	has  types.Bitmap    // groups that emitted a row since their id was handed out
	n    int             // rows in cols
}

func newLastRows(s *types.Schema, from int) lastRows {
	l := lastRows{from: from}
	for _, f := range s.Fields[from:] {
		l.cols = append(l.cols, types.NewVector(f.Type, 0))
	}
	return l
}

// emit keeps the last row of rb, group g's updated row, when it differs from the row last
// emitted for g (or g emitted none), and remembers it; an unchanged row is removed from rb.
func (l *lastRows) emit(rb *rowBuilder, g int32) {
	r := rb.len() - 1
	if l.has.Get(int(g)) && l.same(rb, r, g) {
		rb.dropLast()
		return
	}
	l.grow(int(g) + 1)
	for c, v := range l.cols {
		v.SetFrom(int(g), rb.cols[l.from+c], r)
	}
	l.has.Set(int(g))
}

func (l *lastRows) same(rb *rowBuilder, r int, g int32) bool {
	for c, v := range l.cols {
		if !state.Identical(rb.cols[l.from+c], r, v, int(g)) {
			return false
		}
	}
	return true
}

func (l *lastRows) grow(n int) {
	for ; l.n < n; l.n++ {
		for _, v := range l.cols {
			v.AppendNull()
		}
	}
}

// forget clears group g, whose id is handed out again.
func (l *lastRows) forget(g int32) {
	if !l.has.Get(int(g)) {
		return
	}
	l.has.Clear(int(g))
	for _, v := range l.cols {
		v.SetNull(int(g)) // keeps no string or nested value alive
	}
}

// save writes group g's last emitted row, if any.
func (l *lastRows) save(e *state.Encoder, g int32) {
	has := l.has.Get(int(g))
	e.Bool(has)
	if !has {
		return
	}
	for _, v := range l.cols {
		e.Value(v.Value(int(g)))
	}
}

// load reads what save wrote into group g.
func (l *lastRows) load(d *state.Decoder, g int32) {
	l.forget(g)
	if !d.Bool() {
		return
	}
	l.grow(int(g) + 1)
	for _, v := range l.cols {
		one := types.NewVector(v.Type, 1)
		state.AppendValue(one, d.Value())
		v.SetFrom(int(g), one, 0)
	}
	l.has.Set(int(g))
}
