package eval

import (
	"fmt"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// CASE takes, row by row, the THEN of the first WHEN that is TRUE (a NULL WHEN is not TRUE),
// else the ELSE, else NULL. COALESCE takes the first non-NULL argument. Every branch is
// evaluated over the whole batch and the result is gathered from the chosen one.

func buildCase(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) < 2 {
		return nil, fmt.Errorf("case needs a WHEN and a THEN")
	}
	k := &choose{out: newOut(c.T)}
	for i := 0; i+1 < len(args); i += 2 {
		th, err := newCast(args[i+1], c.Args[i+1].Type(), c.T)
		if err != nil {
			return nil, err
		}
		k.whens, k.thens = append(k.whens, args[i]), append(k.thens, th)
	}
	if len(args)%2 == 1 {
		el, err := newCast(args[len(args)-1], c.Args[len(args)-1].Type(), c.T)
		if err != nil {
			return nil, err
		}
		k.thens = append(k.thens, el)
	}
	k.init()
	return k, nil
}

func buildCoalesce(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("coalesce needs an argument")
	}
	k := &choose{out: newOut(c.T)}
	for i, a := range args {
		th, err := newCast(a, c.Args[i].Type(), c.T)
		if err != nil {
			return nil, err
		}
		k.thens = append(k.thens, th)
	}
	k.init()
	return k, nil
}

// choose gathers each row from one of thens: for CASE, the first whose WHEN holds (then the
// ELSE, the extra last then); without whens (COALESCE), the first non-NULL.
type choose struct {
	whens, thens []Kernel
	wv, tv       []*types.Vector
	out          *types.Vector
}

func (k *choose) init() {
	k.wv, k.tv = make([]*types.Vector, len(k.whens)), make([]*types.Vector, len(k.thens))
}

func (k *choose) Eval(bt *types.Batch) (*types.Vector, error) {
	if err := evalAll(bt, k.whens, k.wv); err != nil {
		return nil, err
	}
	if err := evalAll(bt, k.thens, k.tv); err != nil {
		return nil, err
	}
	n := bt.Len
	for _, v := range k.tv {
		if err := checkLen(v, n); err != nil {
			return nil, err
		}
	}
	prepare(k.out, n)
	for i := 0; i < n; i++ {
		if j := k.pick(i); j >= 0 {
			k.out.SetFrom(i, k.tv[j], i)
		} else {
			k.out.SetNull(i)
		}
	}
	return k.out, nil
}

// pick returns the index of the branch that row i takes, or -1 for NULL.
func (k *choose) pick(i int) int {
	if len(k.whens) == 0 {
		for j, v := range k.tv {
			if !v.Nulls.Get(i) {
				return j
			}
		}
		return -1
	}
	for j, w := range k.wv {
		if !w.Nulls.Get(i) && w.Bool[i] {
			return j
		}
	}
	if len(k.tv) > len(k.wv) {
		return len(k.wv)
	}
	return -1
}

// NULLIF(a, b) is NULL when a = b, else a.
func buildNullIf(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("nullif takes two arguments, found %d", len(args))
	}
	a, b, t, err := unify(args[0], args[1], c.Args[0].Type(), c.Args[1].Type())
	if err != nil {
		return nil, err
	}
	eq, err := newCompare(opEQ, a, b, t)
	if err != nil {
		return nil, err
	}
	a, err = newCast(a, t, c.T)
	if err != nil {
		return nil, err
	}
	k := &choose{whens: []Kernel{eq}, thens: []Kernel{newConst(c.T, nil), a}, out: newOut(c.T)}
	k.init()
	return k, nil
}
