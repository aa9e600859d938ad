package eval

import (
	"fmt"
	"math"

	"github.com/sluicedata/sluice/types"
)

// arithI64 is + - * / % over the kinds held in int64s (INT, BIGINT, DECIMAL, TIMESTAMP, DATE).
// When no rescaling is needed, + - * run as plain loops that detect overflow in bulk; everything
// else runs row by row through row.
type arithI64 struct {
	op    byte
	a, b  Kernel
	plain bool
	row   func(x, y int64) (int64, bool)
	out   *types.Vector
}

func newArithI64(op byte, args []Kernel, ta, tb, t types.Type) (Kernel, error) {
	a, b, err := toI64(args[0], ta, t), toI64(args[1], tb, t), error(nil)
	if a == nil || b == nil {
		return nil, fmt.Errorf("arithmetic %s %c %s as %s", ta, op, tb, t)
	}
	if types.Storage(ta.Kind) != types.StoreI64 {
		ta = t
	}
	if types.Storage(tb.Kind) != types.StoreI64 {
		tb = t
	}
	k := &arithI64{op: op, a: a, b: b, out: newOut(t)}
	k.row, k.plain, err = i64Op(op, ta, tb, t)
	return k, err
}

// toI64 brings an operand that is not held in int64s (a DOUBLE the planner left alone) to t.
func toI64(k Kernel, from, t types.Type) Kernel {
	if types.Storage(from.Kind) == types.StoreI64 {
		return k
	}
	c, err := newCast(k, from, t)
	if err != nil {
		return nil
	}
	return c
}

// i64Op returns the per-row operation of op on operands of types ta and tb giving t, and
// whether it is the plain int64 operation.
func i64Op(op byte, ta, tb, t types.Type) (func(x, y int64) (int64, bool), bool, error) {
	switch op {
	case '+', '-', '%':
		return scaledOp(op, ta, tb, t)
	case '*':
		return mulOp(ta, tb, t)
	case '/':
		if t.Kind == types.KindDecimal {
			return decDivOp(ta, tb, t)
		}
		return intDiv, false, nil
	}
	return nil, false, fmt.Errorf("unknown operator %c", op)
}

// unit is how an operand is brought to the common unit: a multiplier (a DECIMAL scale or the
// milliseconds of a DATE under a TIMESTAMP result).
func unit(from, t types.Type, common int) int64 {
	if from.Kind == types.KindDate && t.Kind == types.KindTimestamp {
		return msPerDay
	}
	p, _ := pow10(common - decScale(from))
	return p
}

// scaledOp brings both operands to the larger scale, applies op, and rescales the result.
func scaledOp(op byte, ta, tb, t types.Type) (func(x, y int64) (int64, bool), bool, error) {
	cs := max(decScale(ta), decScale(tb))
	ma, mb := unit(ta, t, cs), unit(tb, t, cs)
	base := map[byte]func(x, y int64) (int64, bool){'+': addOK, '-': subOK, '%': intMod}[op]
	ts := decScale(t)
	if ma == 1 && mb == 1 && cs == ts {
		return base, op != '%', nil
	}
	return func(x, y int64) (int64, bool) {
		x, ok1 := mulOK(x, ma)
		y, ok2 := mulOK(y, mb)
		r, ok3 := base(x, y)
		if !(ok1 && ok2 && ok3) {
			return 0, false
		}
		return rescale(r, cs, ts)
	}, false, nil
}

// mulOp multiplies; a DECIMAL product has the sum of the scales and is rescaled to t's.
func mulOp(ta, tb, t types.Type) (func(x, y int64) (int64, bool), bool, error) {
	ps, ts := decScale(ta)+decScale(tb), decScale(t)
	switch {
	case ps == ts:
		return mulOK, true, nil
	case ps > ts:
		d, ok := pow10(ps - ts)
		if !ok {
			return nil, false, fmt.Errorf("scale %d out of range", ps)
		}
		return func(x, y int64) (int64, bool) { return mulDivRound(x, y, d) }, false, nil
	}
	return func(x, y int64) (int64, bool) {
		r, ok := mulOK(x, y)
		if !ok {
			return 0, false
		}
		return rescale(r, ps, ts)
	}, false, nil
}

// decDivOp divides DECIMALs: x/10^sa ÷ y/10^sb = x·10^(ts−sa+sb)/y unscaled at ts.
func decDivOp(ta, tb, t types.Type) (func(x, y int64) (int64, bool), bool, error) {
	e := decScale(t) - decScale(ta) + decScale(tb)
	if e < 0 || e > 18 {
		return nil, false, fmt.Errorf("DECIMAL division to scale %d is out of range", decScale(t))
	}
	p, _ := pow10(e)
	return func(x, y int64) (int64, bool) {
		if y == 0 {
			return 0, false
		}
		if y < 0 {
			x, y = -x, -y
		}
		return mulDivRound(x, p, y)
	}, false, nil
}

func addOK(x, y int64) (int64, bool) {
	s := x + y
	return s, (s^x)&(s^y) >= 0
}

func subOK(x, y int64) (int64, bool) {
	s := x - y
	return s, (x^y)&(s^x) >= 0
}

func intDiv(x, y int64) (int64, bool) {
	if y == 0 || (x == math.MinInt64 && y == -1) {
		return 0, false
	}
	return x / y, true
}

func intMod(x, y int64) (int64, bool) {
	if y == 0 {
		return 0, false
	}
	if y == -1 {
		return 0, true
	}
	return x % y, true
}

func (k *arithI64) Eval(bt *types.Batch) (*types.Vector, error) {
	va, vb, n, err := evalPair(bt, k.a, k.b, k.out)
	if err != nil {
		return nil, err
	}
	a, b, o := va.I64[:n], vb.I64[:n], k.out.I64[:n]
	if k.plain && k.loop(a, b, o) {
		zeroNulls(o, k.out.Nulls, n)
		return k.out, nil
	}
	k.rows(a, b, o)
	return k.out, nil
}

// loop runs the plain operation and reports whether no row overflowed.
func (k *arithI64) loop(a, b, o []int64) bool {
	var bad int64
	switch k.op {
	case '+':
		for i := range o {
			s := a[i] + b[i]
			bad |= (s ^ a[i]) & (s ^ b[i])
			o[i] = s
		}
	case '-':
		for i := range o {
			s := a[i] - b[i]
			bad |= (a[i] ^ b[i]) & (s ^ a[i])
			o[i] = s
		}
	case '*':
		// Products of operands within 32 bits cannot overflow; otherwise rows checks each.
		var wide uint64
		for i := range o {
			wide |= uint64(a[i]+1<<31) | uint64(b[i]+1<<31)
			o[i] = a[i] * b[i]
		}
		return wide>>32 == 0
	default:
		return false
	}
	return bad >= 0
}

// rows applies row to every non-NULL row; a failed row becomes NULL.
func (k *arithI64) rows(a, b, o []int64) {
	nulls := k.out.Nulls
	for i := range o {
		if nulls.Get(i) {
			o[i] = 0
			continue
		}
		r, ok := k.row(a[i], b[i])
		if !ok {
			k.out.Nulls.Set(i)
			nulls = k.out.Nulls
			r = 0
		}
		o[i] = r
	}
}
