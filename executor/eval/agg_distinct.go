package eval

import (
	"math"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/types"
)

// newDistinct returns COUNT(DISTINCT x): an exact set of the group's values. Nested values are
// keyed by their state encoding.
func newDistinct(t types.Type) Accumulator {
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return &distinct[int64]{key: func(v *types.Vector, i int) int64 { return v.I64[i] },
			save: (*state.Encoder).Int, load: (*state.Decoder).Int}
	case types.StoreF64:
		return &distinct[uint64]{key: func(v *types.Vector, i int) uint64 { return floatKey(v.F64[i]) },
			save: (*state.Encoder).U64, load: (*state.Decoder).U64}
	case types.StoreBool:
		return &distinct[bool]{key: func(v *types.Vector, i int) bool { return v.Bool[i] },
			save: (*state.Encoder).Bool, load: (*state.Decoder).Bool}
	case types.StoreStr:
		return &distinct[string]{key: func(v *types.Vector, i int) string { return v.Str[i] },
			save: (*state.Encoder).String, load: (*state.Decoder).String}
	}
	return &distinct[string]{key: func(v *types.Vector, i int) string {
		var e state.Encoder
		e.Value(v.Any[i])
		return string(e.Bytes())
	}, save: (*state.Encoder).String, load: (*state.Decoder).String}
}

type distinct[K comparable] struct {
	sets []map[K]struct{}
	key  func(*types.Vector, int) K
	save func(*state.Encoder, K)
	load func(*state.Decoder) K
}

func (c *distinct[K]) Grow(n int) { c.sets = state.GrowTo(c.sets, n) }

func (c *distinct[K]) Update(groups []int32, args []*types.Vector, _ []int64) {
	v, n := firstArg(groups, args)
	for i, g := range groups[:n] {
		if g < 0 || v.Nulls.Get(i) {
			continue
		}
		c.set(g)[c.key(v, i)] = struct{}{}
	}
}

func (c *distinct[K]) set(g int32) map[K]struct{} {
	if c.sets[g] == nil {
		c.sets[g] = map[K]struct{}{}
	}
	return c.sets[g]
}

func (c *distinct[K]) Merge(dst, src int32) {
	if len(c.sets[src]) > 0 {
		d := c.set(dst)
		for k := range c.sets[src] {
			d[k] = struct{}{}
		}
	}
	c.Reset(src)
}

func (c *distinct[K]) Reset(g int32) { c.sets[g] = nil }

func (c *distinct[K]) Append(out *types.Vector, g int32) {
	appendI64(out, int64(len(c.sets[g])), true)
}

func (c *distinct[K]) Save(g int32) ([]byte, error) {
	var e state.Encoder
	e.Uint(uint64(len(c.sets[g])))
	for k := range c.sets[g] {
		c.save(&e, k)
	}
	return e.Bytes(), nil
}

func (c *distinct[K]) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	n := d.Len()
	c.sets[g] = nil
	for range n {
		c.set(g)[c.load(d)] = struct{}{}
	}
	return d.Done()
}

// floatKey identifies a DOUBLE for DISTINCT: -0 is 0 and every NaN is one value.
func floatKey(f float64) uint64 {
	switch {
	case f == 0:
		return 0
	case f != f:
		return 0x7ff8000000000001
	}
	return math.Float64bits(f)
}
