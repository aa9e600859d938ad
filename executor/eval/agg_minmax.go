package eval

import (
	"cmp"
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

func newMinMax(a *plan.AggCall, t types.Type) (Accumulator, error) {
	isMax := a.Fn == "max"
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return &minMax[int64]{isMax: isMax, get: getI64, put: func(o *types.Vector, v int64) { o.I64 = append(o.I64, v) },
			save: (*state.Encoder).Int, load: (*state.Decoder).Int}, nil
	case types.StoreF64:
		return &minMax[float64]{isMax: isMax, get: getF64, put: func(o *types.Vector, v float64) { o.F64 = append(o.F64, v) },
			save: (*state.Encoder).Float, load: (*state.Decoder).Float}, nil
	case types.StoreStr:
		return &minMax[string]{isMax: isMax, get: getStr, put: func(o *types.Vector, v string) { o.Str = append(o.Str, v) },
			save: (*state.Encoder).String, load: (*state.Decoder).String}, nil
	case types.StoreBool:
		return &boolMinMax{isMax: isMax}, nil
	}
	return nil, fmt.Errorf("%s of %s", a.Fn, t)
}

// minMax keeps the smallest or largest value per group.
type minMax[T cmp.Ordered] struct {
	isMax bool
	vals  []T
	has   []bool
	get   col[T]
	put   func(*types.Vector, T)
	save  func(*state.Encoder, T)
	load  func(*state.Decoder) T
}

func (m *minMax[T]) Grow(n int) { m.vals, m.has = state.GrowTo(m.vals, n), state.GrowTo(m.has, n) }

func (m *minMax[T]) Update(groups []int32, args []*types.Vector, _ []int64) {
	v, n := firstArg(groups, args)
	if n == 0 {
		return
	}
	xs, noNulls := m.get(v)[:n], !hasNulls(v.Nulls, n)
	for i, g := range groups[:n] {
		if g < 0 || !noNulls && v.Nulls.Get(i) {
			continue
		}
		m.offer(g, xs[i])
	}
}

func (m *minMax[T]) offer(g int32, x T) {
	if !m.has[g] || (m.isMax && x > m.vals[g]) || (!m.isMax && x < m.vals[g]) {
		m.vals[g], m.has[g] = x, true
	}
}

func (m *minMax[T]) Merge(dst, src int32) {
	if m.has[src] {
		m.offer(dst, m.vals[src])
	}
	m.Reset(src)
}

func (m *minMax[T]) Reset(g int32) {
	var z T
	m.vals[g], m.has[g] = z, false
}

func (m *minMax[T]) Append(out *types.Vector, g int32) {
	if !m.has[g] {
		out.AppendNull()
		return
	}
	m.put(out, m.vals[g])
}

func (m *minMax[T]) Save(g int32) ([]byte, error) {
	var e state.Encoder
	e.Bool(m.has[g])
	m.save(&e, m.vals[g])
	return e.Bytes(), nil
}

func (m *minMax[T]) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	m.has[g] = d.Bool()
	m.vals[g] = m.load(d)
	return d.Done()
}

// boolMinMax is MIN (every value TRUE) and MAX (any value TRUE) of BOOLEANs.
type boolMinMax struct {
	isMax bool
	vals  []bool
	has   []bool
}

func (m *boolMinMax) Grow(n int) { m.vals, m.has = state.GrowTo(m.vals, n), state.GrowTo(m.has, n) }

func (m *boolMinMax) Update(groups []int32, args []*types.Vector, _ []int64) {
	v, n := firstArg(groups, args)
	for i, g := range groups[:n] {
		if g >= 0 && !v.Nulls.Get(i) {
			m.offer(g, v.Bool[i])
		}
	}
}

func (m *boolMinMax) offer(g int32, x bool) {
	if !m.has[g] || x == m.isMax {
		m.vals[g], m.has[g] = x, true
	}
}

func (m *boolMinMax) Merge(dst, src int32) {
	if m.has[src] {
		m.offer(dst, m.vals[src])
	}
	m.Reset(src)
}

func (m *boolMinMax) Reset(g int32) { m.vals[g], m.has[g] = false, false }

func (m *boolMinMax) Append(out *types.Vector, g int32) {
	if !m.has[g] {
		out.AppendNull()
		return
	}
	out.Bool = append(out.Bool, m.vals[g])
}

func (m *boolMinMax) Save(g int32) ([]byte, error) {
	return []byte{byte(b2i(m.has[g])), byte(b2i(m.vals[g]))}, nil
}

func (m *boolMinMax) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	m.has[g], m.vals[g] = d.Bool(), d.Bool()
	return d.Done()
}
