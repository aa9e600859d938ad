package eval

import (
	"fmt"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// IN follows SQL: x IN (…) is NULL when x is NULL, TRUE when x equals an item, else NULL when an
// item is NULL, else FALSE (so x NOT IN (…, NULL) is never TRUE). A list of constants is looked
// up in a set built once (a hash set beyond eight items).

func buildIn(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) < 2 {
		return nil, fmt.Errorf("in needs a value and at least one item")
	}
	t := c.Args[0].Type()
	for _, a := range c.Args[1:] {
		t = commonType(t, a.Type())
	}
	cast := make([]Kernel, len(args))
	for i, a := range args {
		k, err := newCast(a, c.Args[i].Type(), t)
		if err != nil {
			return nil, err
		}
		cast[i] = k
	}
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return newIn(cast, getI64, lookupOf[int64], equal[int64]), nil
	case types.StoreF64:
		return newIn(cast, getF64, lookupOf[float64], equal[float64]), nil
	case types.StoreStr:
		return newIn(cast, getStr, lookupOf[string], equal[string]), nil
	case types.StoreBool:
		return newIn(cast, getBool, lookupOf[bool], equal[bool]), nil
	}
	return newIn(cast, getAny, lookupAny, valueEqual), nil
}

func equal[T comparable](a, b T) bool { return a == b }

// lookupOf returns a membership test over vals.
func lookupOf[T comparable](vals []T) func(T) bool {
	if len(vals) <= 8 {
		return func(x T) bool {
			for _, v := range vals {
				if v == x {
					return true
				}
			}
			return false
		}
	}
	set := make(map[T]struct{}, len(vals))
	for _, v := range vals {
		set[v] = struct{}{}
	}
	return func(x T) bool { _, ok := set[x]; return ok }
}

func lookupAny(vals []any) func(any) bool {
	return func(x any) bool {
		for _, v := range vals {
			if valueEqual(v, x) {
				return true
			}
		}
		return false
	}
}

type inKernel[T any] struct {
	x       Kernel
	items   []Kernel
	get     col[T]
	lookup  func(T) bool // set when every item is a constant
	hasNull bool         // a constant item is NULL
	eq      func(a, b T) bool
	vs      []*types.Vector
	out     *types.Vector
}

func newIn[T any](args []Kernel, get col[T], mk func([]T) func(T) bool, eq func(a, b T) bool) Kernel {
	k := &inKernel[T]{x: args[0], items: args[1:], get: get, eq: eq, out: newOut(types.Bool)}
	k.vs = make([]*types.Vector, len(k.items))
	var vals []T
	for _, it := range k.items {
		v, ok := constValue(it)
		if !ok {
			return k
		}
		if v == nil {
			k.hasNull = true
			continue
		}
		vals = append(vals, v.(T))
	}
	k.lookup = mk(vals)
	return k
}

func (k *inKernel[T]) Eval(bt *types.Batch) (*types.Vector, error) {
	vx, err := k.x.Eval(bt)
	if err != nil {
		return nil, err
	}
	n := bt.Len
	if err := checkLen(vx, n); err != nil {
		return nil, err
	}
	prepare(k.out, n)
	if k.lookup == nil {
		if err := evalAll(bt, k.items, k.vs); err != nil {
			return nil, err
		}
		for _, v := range k.vs {
			if err := checkLen(v, n); err != nil {
				return nil, err
			}
		}
	}
	xs := k.get(vx)
	for i := 0; i < n; i++ {
		k.row(vx, xs, i)
	}
	return k.out, nil
}

func (k *inKernel[T]) row(vx *types.Vector, xs []T, i int) {
	if vx.Nulls.Get(i) {
		k.out.SetNull(i)
		return
	}
	found, null := false, k.hasNull
	if k.lookup != nil {
		found = k.lookup(xs[i])
	} else {
		found, null = k.scan(xs[i], i)
	}
	k.out.Bool[i] = found
	if !found && null {
		k.out.SetNull(i)
	}
}

// scan compares x with row i of every item vector; null reports a NULL item.
func (k *inKernel[T]) scan(x T, i int) (found, null bool) {
	for _, v := range k.vs {
		if v.Nulls.Get(i) {
			null = true
		} else if k.eq(k.get(v)[i], x) {
			return true, false
		}
	}
	return false, null
}
