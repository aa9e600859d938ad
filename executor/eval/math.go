package eval

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// ABS, ROUND, FLOOR and CEIL keep their argument's type. ROUND(x [, d]) rounds half away from
// zero to d fractional digits (d < 0 rounds to tens, hundreds, …): ROUND(2.5) = 3,
// ROUND(-2.5) = -3. On DOUBLE it rounds the shortest decimal text of x, so ROUND(1.005, 2) is
// 1.01 as written, not 1.0 as the binary value 1.00499999… would give. A result that does not fit
// (ABS of the smallest BIGINT) is NULL.

func buildAbs(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("abs takes one argument")
	}
	switch types.Storage(c.T.Kind) {
	case types.StoreF64:
		return unaryF64(args[0], c.T, refF64, func(v float64) (float64, bool) { return math.Abs(v), true }), nil
	case types.StoreI64:
		return unaryI64(args[0], c.T, refI64, func(v int64) (int64, bool) {
			if v < 0 {
				v = -v
			}
			return v, v >= 0
		}), nil
	}
	return nil, fmt.Errorf("abs of %s", c.T)
}

func buildFloorCeil(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("%s takes one argument", c.Fn)
	}
	ceil := c.Fn == "ceil"
	switch {
	case c.T.Kind == types.KindDouble:
		f := math.Floor
		if ceil {
			f = math.Ceil
		}
		return unaryF64(args[0], c.T, refF64, func(v float64) (float64, bool) { return f(v) + 0, true }), nil
	case c.T.Kind == types.KindDecimal && c.T.Scale > 0:
		p, _ := pow10(c.T.Scale)
		return unaryI64(args[0], c.T, refI64, func(v int64) (int64, bool) {
			if ceil {
				return mulOK(-floorDiv(-v, p), p)
			}
			return mulOK(floorDiv(v, p), p)
		}), nil
	case types.Storage(c.T.Kind) == types.StoreI64:
		return args[0], nil
	}
	return nil, fmt.Errorf("%s of %s", c.Fn, c.T)
}

func buildRound(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) < 1 || len(args) > 2 {
		return nil, fmt.Errorf("round takes one or two arguments, found %d", len(args))
	}
	digits := Kernel(newConst(types.BigInt, int64(0)))
	if len(args) == 2 {
		digits = args[1]
	}
	switch types.Storage(c.T.Kind) {
	case types.StoreF64:
		return roundKernel(args[0], digits, c.T, getF64, refF64, roundFloat), nil
	case types.StoreI64:
		s := decScale(c.T)
		return roundKernel(args[0], digits, c.T, getI64, refI64, func(v, d int64) (int64, bool) {
			return roundScaled(v, s, d)
		}), nil
	}
	return nil, fmt.Errorf("round of %s", c.T)
}

// roundKernel specializes ROUND to a constant digit count.
func roundKernel[T any](x, digits Kernel, t types.Type, get col[T], ref func(*types.Vector) *[]T, f func(T, int64) (T, bool)) Kernel {
	if d, ok := constValue(digits); ok {
		if d == nil {
			return newConst(t, nil)
		}
		dd := d.(int64)
		return &unary[T, T]{arg: x, in: get, ref: ref, out: newOut(t), f: func(v T) (T, bool) { return f(v, dd) }}
	}
	return &binop[T, int64, T]{a: x, b: digits, ina: get, inb: getI64, ref: ref, out: newOut(t), f: f}
}

// roundScaled rounds an unscaled value of scale s to d fractional digits.
func roundScaled(v int64, s int, d int64) (int64, bool) {
	if d >= int64(s) {
		return v, true
	}
	if d < int64(s)-18 {
		return 0, true
	}
	p := pow10tab[int64(s)-d]
	return mulOK(divRound(v, p), p)
}

// roundFloat rounds v half away from zero to d digits.
func roundFloat(v float64, d int64) (float64, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) || d > 308 {
		return v, true
	}
	if d < -308 {
		return 0, true
	}
	p := math.Pow10(int(abs64(d)))
	y := v * p
	if d < 0 {
		y = v / p
	}
	if math.Abs(y) >= 1<<52 {
		return v, true
	}
	m := math.Round(y)
	if frac := math.Abs(y - math.Trunc(y)); math.Abs(frac-0.5) < 1e-6 {
		m = roundDecimalText(v, d)
	}
	if d < 0 {
		return m*p + 0, true
	}
	return m/p + 0, true // + 0 turns -0 into 0
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// roundDecimalText rounds the shortest decimal text of v to d digits and returns the result
// scaled by 10^d (an integer).
func roundDecimalText(v float64, d int64) float64 {
	var buf [32]byte
	txt := strconv.AppendFloat(buf[:0], math.Abs(v), 'e', -1, 64)
	mant, exp, _ := strings.Cut(string(txt), "e")
	e, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1)
	frac := len(digits) - 1 - e
	m, ok := scaleDigits(digits, frac, int(d), v < 0)
	if !ok {
		return math.Round(v * math.Pow10(int(d)))
	}
	return float64(m)
}
