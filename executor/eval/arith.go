package eval

import (
	"fmt"
	"math"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Arithmetic follows SQL.md: int64 math for INT and BIGINT (an INT result stays in int64 storage,
// it is not wrapped to 32 bits), and a result that does not fit int64 is NULL rather than wrapped;
// "/" on integers truncates toward zero; "%" takes the sign of the dividend; a zero divisor gives
// NULL (DOUBLE too); DECIMALs are rescaled by their argument types (the product of DECIMAL(p1,s1)
// and DECIMAL(p2,s2) has scale s1+s2 and is then brought to the call's scale, rounding half away
// from zero). TIMESTAMP ± BIGINT adds milliseconds; a DATE operand of a TIMESTAMP result is
// taken as its midnight, and DATE ± integer adds days.

func buildArith(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("%s takes two arguments, found %d", c.Fn, len(args))
	}
	ta, tb := c.Args[0].Type(), c.Args[1].Type()
	switch types.Storage(c.T.Kind) {
	case types.StoreF64:
		return newArithF64(c.Fn[0], args[0], args[1], ta, tb)
	case types.StoreI64:
		return newArithI64(c.Fn[0], args, ta, tb, c.T)
	}
	return nil, fmt.Errorf("arithmetic on %s", c.T)
}

func newArithF64(op byte, a, b Kernel, ta, tb types.Type) (Kernel, error) {
	a, err := newCast(a, ta, types.Double)
	if err != nil {
		return nil, err
	}
	if b, err = newCast(b, tb, types.Double); err != nil {
		return nil, err
	}
	return &arithF64{op: op, a: a, b: b, out: newOut(types.Double)}, nil
}

// arithF64 is DOUBLE + - * / %.
type arithF64 struct {
	op   byte
	a, b Kernel
	out  *types.Vector
}

func (k *arithF64) Eval(bt *types.Batch) (*types.Vector, error) {
	va, vb, n, err := evalPair(bt, k.a, k.b, k.out)
	if err != nil {
		return nil, err
	}
	a, b, o := va.F64[:n], vb.F64[:n], k.out.F64[:n]
	switch k.op {
	case '+':
		for i := range o {
			o[i] = a[i] + b[i]
		}
	case '-':
		for i := range o {
			o[i] = a[i] - b[i]
		}
	case '*':
		for i := range o {
			o[i] = a[i] * b[i]
		}
	default:
		k.divide(a, b, o)
	}
	zeroNulls(o, k.out.Nulls, n)
	return k.out, nil
}

func (k *arithF64) divide(a, b, o []float64) {
	for i := range o {
		if b[i] == 0 {
			o[i] = 0
			k.out.Nulls.Set(i)
			continue
		}
		if k.op == '/' {
			o[i] = a[i] / b[i]
		} else {
			o[i] = math.Mod(a[i], b[i])
		}
	}
}

// evalPair evaluates two arguments and prepares out with their NULL union. It checks that the
// vectors hold the rows they claim, so that a malformed batch is an error, not a panic.
func evalPair(bt *types.Batch, ka, kb Kernel, out *types.Vector) (*types.Vector, *types.Vector, int, error) {
	va, err := ka.Eval(bt)
	if err != nil {
		return nil, nil, 0, err
	}
	vb, err := kb.Eval(bt)
	if err != nil {
		return nil, nil, 0, err
	}
	n := bt.Len
	if err := checkLen(va, n); err != nil {
		return nil, nil, 0, err
	}
	if err := checkLen(vb, n); err != nil {
		return nil, nil, 0, err
	}
	prepare(out, n)
	out.Nulls = unionNulls(out.Nulls, va.Nulls, vb.Nulls, n)
	return va, vb, n, nil
}

// checkLen reports a vector that holds fewer than n rows in its storage class.
func checkLen(v *types.Vector, n int) error {
	if v.Len() < n {
		return fmt.Errorf("eval: a %s vector holds %d rows, the batch %d", v.Type, v.Len(), n)
	}
	return nil
}

func buildNeg(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("neg takes one argument")
	}
	switch types.Storage(c.T.Kind) {
	case types.StoreF64:
		return unaryF64(args[0], c.T, refF64, func(v float64) (float64, bool) { return -v, true }), nil
	case types.StoreI64:
		return unaryI64(args[0], c.T, refI64, func(v int64) (int64, bool) { return -v, v != math.MinInt64 }), nil
	}
	return nil, fmt.Errorf("neg on %s", c.T)
}

// buildMod is MOD(a, b): the planner passes the operands as they are, so they are brought to a
// common type, divided with "%", and the remainder cast to the call's type.
func buildMod(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("mod takes two arguments, found %d", len(args))
	}
	ta, tb := c.Args[0].Type(), c.Args[1].Type()
	ct := commonNumeric(ta, tb)
	var k Kernel
	var err error
	if ct.Kind == types.KindDouble {
		k, err = newArithF64('%', args[0], args[1], ta, tb)
	} else {
		k, err = newArithI64('%', args, ta, tb, ct)
	}
	if err != nil {
		return nil, err
	}
	return newCast(k, ct, c.T)
}

// commonNumeric mirrors the planner's widening INT → BIGINT → DECIMAL → DOUBLE.
func commonNumeric(a, b types.Type) types.Type {
	switch {
	case a.Kind == types.KindDouble || b.Kind == types.KindDouble:
		return types.Double
	case a.Kind == types.KindDecimal || b.Kind == types.KindDecimal:
		return types.Decimal(types.MaxDecimalPrecision, max(decScale(a), decScale(b)))
	}
	return types.BigInt
}
