package eval

import (
	"fmt"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// AND, OR and NOT follow SQL three-valued logic: FALSE AND NULL is FALSE, TRUE OR NULL is TRUE,
// any other combination with a NULL is NULL. Both operands are evaluated over the whole batch
// (kernels have no side effects and never fail on data, so there is nothing to short-circuit).

func buildAndOr(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) < 2 {
		return nil, fmt.Errorf("%s takes two arguments, found %d", c.Fn, len(args))
	}
	k := &andOr{or: c.Fn == "or", a: args[0], b: args[1], out: newOut(types.Bool)}
	for _, more := range args[2:] {
		k = &andOr{or: k.or, a: k, b: more, out: newOut(types.Bool)}
	}
	return k, nil
}

type andOr struct {
	or   bool
	a, b Kernel
	out  *types.Vector
}

func (k *andOr) Eval(bt *types.Batch) (*types.Vector, error) {
	va, vb, n, err := evalPair(bt, k.a, k.b, k.out)
	if err != nil {
		return nil, err
	}
	a, b, o := va.Bool[:n], vb.Bool[:n], k.out.Bool[:n]
	if len(k.out.Nulls) == 0 {
		if k.or {
			for i := range o {
				o[i] = a[i] || b[i]
			}
		} else {
			for i := range o {
				o[i] = a[i] && b[i]
			}
		}
		return k.out, nil
	}
	k.out.Nulls = k.out.Nulls[:0]
	for i := range o {
		k.row(va, vb, i, o)
	}
	return k.out, nil
}

// row applies three-valued logic to row i: the dominant value (FALSE for AND, TRUE for OR) on
// either side decides; otherwise a NULL on either side gives NULL.
func (k *andOr) row(va, vb *types.Vector, i int, o []bool) {
	an, bn := va.Nulls.Get(i), vb.Nulls.Get(i)
	dom := k.or
	if !an && va.Bool[i] == dom || !bn && vb.Bool[i] == dom {
		o[i] = dom
		return
	}
	if an || bn {
		o[i] = false
		k.out.Nulls.Set(i)
		return
	}
	o[i] = !dom
}

func buildNot(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("not takes one argument")
	}
	return &unary[bool, bool]{arg: args[0], in: getBool, ref: refBool, out: newOut(types.Bool),
		f: func(v bool) (bool, bool) { return !v, true }}, nil
}

func buildIsNull(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("%s takes one argument", c.Fn)
	}
	return &isNull{arg: args[0], want: c.Fn == "is_null", out: newOut(types.Bool)}, nil
}

// isNull is IS NULL / IS NOT NULL: never NULL itself.
type isNull struct {
	arg  Kernel
	want bool
	out  *types.Vector
}

func (k *isNull) Eval(bt *types.Batch) (*types.Vector, error) {
	v, err := k.arg.Eval(bt)
	if err != nil {
		return nil, err
	}
	n := bt.Len
	prepare(k.out, n)
	o := k.out.Bool
	for i := range o {
		o[i] = v.Nulls.Get(i) == k.want
	}
	return k.out, nil
}
