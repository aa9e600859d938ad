package eval

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// typed bundles how an accumulator reads, appends and saves one storage class.
type typed[T any] struct {
	get  func(*types.Vector, int) T
	put  func(*types.Vector, T)
	box  func(T) any
	save func(*state.Encoder, T)
	load func(*state.Decoder) T
}

func typedI64() typed[int64] {
	return typed[int64]{get: func(v *types.Vector, i int) int64 { return v.I64[i] },
		put: func(o *types.Vector, x int64) { o.I64 = append(o.I64, x) }, box: func(x int64) any { return x },
		save: (*state.Encoder).Int, load: (*state.Decoder).Int}
}

func typedF64() typed[float64] {
	return typed[float64]{get: func(v *types.Vector, i int) float64 { return v.F64[i] },
		put: func(o *types.Vector, x float64) { o.F64 = append(o.F64, x) }, box: func(x float64) any { return x },
		save: (*state.Encoder).Float, load: (*state.Decoder).Float}
}

func typedStr() typed[string] {
	return typed[string]{get: func(v *types.Vector, i int) string { return v.Str[i] },
		put: func(o *types.Vector, x string) { o.Str = append(o.Str, x) }, box: func(x string) any { return x },
		save: (*state.Encoder).String, load: (*state.Decoder).String}
}

// typedBool holds BOOLEANs as 0/1 so that they order like other values.
func typedBool() typed[int64] {
	return typed[int64]{get: func(v *types.Vector, i int) int64 { return b2i(v.Bool[i]) },
		put: func(o *types.Vector, x int64) { o.Bool = append(o.Bool, x != 0) }, box: func(x int64) any { return x != 0 },
		save: (*state.Encoder).Int, load: (*state.Decoder).Int}
}

func typedAny() typed[any] {
	return typed[any]{get: func(v *types.Vector, i int) any { return v.Any[i] },
		put: func(o *types.Vector, x any) { o.Any = append(o.Any, x) }, box: func(x any) any { return x },
		save: (*state.Encoder).Value, load: (*state.Decoder).Value}
}

func newPick(a *plan.AggCall, t types.Type) (Accumulator, error) {
	latest := a.Fn == "latest"
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return &pick[int64]{latest: latest, ty: typedI64()}, nil
	case types.StoreF64:
		return &pick[float64]{latest: latest, ty: typedF64()}, nil
	case types.StoreStr:
		return &pick[string]{latest: latest, ty: typedStr()}, nil
	case types.StoreBool:
		return &pick[int64]{latest: latest, ty: typedBool()}, nil
	}
	return &pick[any]{latest: latest, ty: typedAny()}, nil
}

// pick is EARLIEST and LATEST: the non-NULL value with the smallest (largest) event time; on a
// tie EARLIEST keeps the first arrival and LATEST takes the last. Without times (nil), every row
// has time 0, which makes them the first and last non-NULL value to arrive.
type pick[T any] struct {
	latest bool
	ty     typed[T]
	vals   []T
	times  []int64
	has    []bool
}

func (p *pick[T]) Grow(n int) {
	p.vals, p.times, p.has = state.GrowTo(p.vals, n), state.GrowTo(p.times, n), state.GrowTo(p.has, n)
}

func (p *pick[T]) Update(groups []int32, args []*types.Vector, times []int64) {
	v, n := firstArg(groups, args)
	for i, g := range groups[:n] {
		if g < 0 || v.Nulls.Get(i) {
			continue
		}
		var t int64
		if i < len(times) {
			t = times[i]
		}
		if p.wins(g, t) {
			p.vals[g], p.times[g], p.has[g] = p.ty.get(v, i), t, true
		}
	}
}

// wins reports whether a value at time t replaces group g's.
func (p *pick[T]) wins(g int32, t int64) bool {
	if !p.has[g] {
		return true
	}
	if p.latest {
		return t >= p.times[g]
	}
	return t < p.times[g]
}

func (p *pick[T]) Merge(dst, src int32) {
	if p.has[src] && p.wins(dst, p.times[src]) {
		p.vals[dst], p.times[dst], p.has[dst] = p.vals[src], p.times[src], true
	}
	p.Reset(src)
}

func (p *pick[T]) Reset(g int32) {
	var z T
	p.vals[g], p.times[g], p.has[g] = z, 0, false
}

func (p *pick[T]) Append(out *types.Vector, g int32) {
	if !p.has[g] {
		out.AppendNull()
		return
	}
	p.ty.put(out, p.vals[g])
}

func (p *pick[T]) Save(g int32) ([]byte, error) {
	var e state.Encoder
	e.Bool(p.has[g])
	e.Int(p.times[g])
	p.ty.save(&e, p.vals[g])
	return e.Bytes(), nil
}

func (p *pick[T]) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	p.has[g] = d.Bool()
	p.times[g] = d.Int()
	p.vals[g] = p.ty.load(d)
	return d.Done()
}

func newTopK(a *plan.AggCall, t types.Type) (Accumulator, error) {
	if len(a.Args) != 2 {
		return nil, fmt.Errorf("topk takes a value and a count")
	}
	var n int64
	if l, ok := a.Args[1].(*plan.Literal); ok {
		n, _ = l.Value.(int64)
	}
	if n <= 0 || n > 10_000 {
		return nil, fmt.Errorf("the count must be a constant between 1 and 10000")
	}
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return &topK[int64]{n: int(n), ty: typedI64()}, nil
	case types.StoreF64:
		return &topK[float64]{n: int(n), ty: typedF64()}, nil
	case types.StoreStr:
		return &topK[string]{n: int(n), ty: typedStr()}, nil
	case types.StoreBool:
		return &topK[int64]{n: int(n), ty: typedBool()}, nil
	}
	return nil, fmt.Errorf("topk of %s", t)
}

// topK keeps, per group, the n largest values seen, in descending order.
type topK[T cmp.Ordered] struct {
	n    int
	ty   typed[T]
	vals [][]T
}

func (k *topK[T]) Grow(n int) { k.vals = state.GrowTo(k.vals, n) }

func (k *topK[T]) Update(groups []int32, args []*types.Vector, _ []int64) {
	v, n := firstArg(groups, args)
	for i, g := range groups[:n] {
		if g >= 0 && !v.Nulls.Get(i) {
			k.offer(g, k.ty.get(v, i))
		}
	}
}

func (k *topK[T]) offer(g int32, x T) {
	s := k.vals[g]
	if len(s) == k.n && x <= s[len(s)-1] {
		return
	}
	i, _ := slices.BinarySearchFunc(s, x, func(a, b T) int { return cmp.Compare(b, a) })
	s = slices.Insert(s, i, x)
	if len(s) > k.n {
		s = s[:k.n]
	}
	k.vals[g] = s
}

func (k *topK[T]) Merge(dst, src int32) {
	for _, x := range k.vals[src] {
		k.offer(dst, x)
	}
	k.Reset(src)
}

func (k *topK[T]) Reset(g int32) { k.vals[g] = nil }

func (k *topK[T]) Append(out *types.Vector, g int32) {
	s := k.vals[g]
	if len(s) == 0 {
		out.AppendNull()
		return
	}
	xs := make([]any, len(s))
	for i, x := range s {
		xs[i] = k.ty.box(x)
	}
	out.Any = append(out.Any, xs)
}

func (k *topK[T]) Save(g int32) ([]byte, error) {
	var e state.Encoder
	e.Uint(uint64(len(k.vals[g])))
	for _, x := range k.vals[g] {
		k.ty.save(&e, x)
	}
	return e.Bytes(), nil
}

func (k *topK[T]) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	n := d.Len()
	if n > k.n {
		return state.ErrCorrupt
	}
	k.vals[g] = nil
	for range n {
		k.vals[g] = append(k.vals[g], k.ty.load(d))
	}
	return d.Done()
}
