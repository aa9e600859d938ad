package planner

import (
	"math"

	"github.com/sluicedata/sluice/types"
)

// Numeric widening follows INT → BIGINT → DECIMAL → DOUBLE and nothing else: a STRING is never
// silently turned into a number (write CAST). Integer literals are INT when they fit 32 bits,
// else BIGINT; literals with a decimal point or exponent are DOUBLE (so that `temp * 1.8 + 32`
// is float64 arithmetic, as users of JSON data expect; Flink would make 1.8 a DECIMAL).

// numRank orders the numeric kinds by widening.
func numRank(k types.Kind) int {
	switch k {
	case types.KindInt:
		return 1
	case types.KindBigInt:
		return 2
	case types.KindDecimal:
		return 3
	case types.KindDouble:
		return 4
	}
	return 0
}

// intDigits is how many decimal digits an integer kind needs as a DECIMAL.
func intDigits(k types.Kind) int {
	if k == types.KindInt {
		return 10
	}
	return types.MaxDecimalPrecision
}

// asDecimal returns t viewed as a DECIMAL (integers get scale 0).
func asDecimal(t types.Type) types.Type {
	if t.Kind == types.KindDecimal {
		return t
	}
	return types.Decimal(intDigits(t.Kind), 0)
}

// commonDecimal is the smallest DECIMAL holding both a and b (integer digits and scale of the
// wider one), capped at 18 digits.
func commonDecimal(a, b types.Type) types.Type {
	a, b = asDecimal(a), asDecimal(b)
	s := max(a.Scale, b.Scale)
	p := min(types.MaxDecimalPrecision, max(a.Precision-a.Scale, b.Precision-b.Scale)+s)
	return types.Decimal(p, s)
}

// commonNumeric is the type both numeric operands widen to.
func commonNumeric(a, b types.Type) types.Type {
	ra, rb := numRank(a.Kind), numRank(b.Kind)
	switch {
	case ra == 4 || rb == 4:
		return types.Double
	case ra == 3 || rb == 3:
		return commonDecimal(a, b)
	case ra == 2 || rb == 2:
		return types.BigInt
	}
	return types.Int
}

// commonType is the type two operands of a comparison, CASE, COALESCE or IN are brought to.
// NULL takes the other side's type. ok is false when they are incompatible.
func commonType(a, b types.Type) (types.Type, bool) {
	switch {
	case a.Kind == types.KindNull:
		return b, true
	case b.Kind == types.KindNull:
		return a, true
	case a.IsNumeric() && b.IsNumeric():
		return commonNumeric(a, b), true
	case isTemporal(a) && isTemporal(b):
		if a.Kind == b.Kind {
			return a, true
		}
		return types.Timestamp, true
	case a.Kind == types.KindString && b.Kind == types.KindBytes,
		a.Kind == types.KindBytes && b.Kind == types.KindString:
		return types.Bytes, true
	}
	return a, a.Equal(b)
}

func isTemporal(t types.Type) bool {
	return t.Kind == types.KindTimestamp || t.Kind == types.KindDate
}

// castTo returns e as type t: e itself when it already has that type, a folded Literal when e is
// a constant that converts exactly, else a "cast" Call.
func castTo(e Expr, t types.Type) Expr {
	if e.Type().Equal(t) {
		return e
	}
	if lit, ok := e.(*Literal); ok {
		if v, ok := convertLiteral(lit, t); ok {
			return &Literal{Value: v, T: t}
		}
	}
	return &Call{Fn: "cast", Args: []Expr{e}, T: t}
}

// convertLiteral converts a constant between numeric types (and NULL to any type) at plan time.
func convertLiteral(l *Literal, t types.Type) (any, bool) {
	if l.Value == nil {
		return nil, true
	}
	switch v := l.Value.(type) {
	case int64:
		return convertInt(v, l.T, t)
	case float64:
		if t.Kind == types.KindDouble {
			return v, true
		}
	}
	return nil, false
}

func convertInt(v int64, from, to types.Type) (any, bool) {
	if !from.IsNumeric() {
		if from.Kind == types.KindDate && to.Kind == types.KindTimestamp {
			return v * 86_400_000, true
		}
		return nil, false
	}
	scale := 0
	if from.Kind == types.KindDecimal {
		scale = from.Scale
	}
	switch to.Kind {
	case types.KindBigInt:
		return v, scale == 0
	case types.KindDouble:
		return float64(v) / math.Pow10(scale), true
	case types.KindDecimal:
		f := pow10(to.Scale - scale)
		if to.Scale < scale || v > math.MaxInt64/f || v < math.MinInt64/f {
			return nil, false // narrowing or overflowing: left to the kernel's cast
		}
		return v * f, true
	}
	return nil, false
}

func pow10(n int) int64 {
	r := int64(1)
	for range n {
		r *= 10
	}
	return r
}
