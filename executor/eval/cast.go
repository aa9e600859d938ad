package eval

import (
	"fmt"
	"math"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// CAST semantics (Flink and PostgreSQL where they agree; a failed conversion is NULL, never an
// error, because it depends on data):
//   - numeric → INT/BIGINT truncates toward zero (CAST(2.7 AS INT) = 2, Flink); out of range → NULL
//     (INT is 32-bit); NaN and infinities → NULL.
//   - → DECIMAL(p,s) rounds half away from zero to s digits; more than p digits → NULL.
//   - STRING → number parses the trimmed text (integers: an optional sign and digits; DECIMAL and
//     DOUBLE also take a fraction and exponent); anything else → NULL.
//   - TIMESTAMP ↔ STRING: RFC 3339 UTC with milliseconds ("2026-11-25T10:00:00.000Z"); parsing
//     also takes a space for T, no zone (UTC), an offset, or a bare date. DATE ↔ STRING: YYYY-MM-DD.
//   - TIMESTAMP ↔ BIGINT: epoch milliseconds; DATE ↔ INT/BIGINT: epoch days; DATE → TIMESTAMP is
//     midnight UTC, TIMESTAMP → DATE takes the day (flooring before 1970).
//   - BOOLEAN ↔ STRING: 'true'/'false' (any case, trimmed); BOOLEAN ↔ numbers: 1/0, non-zero is TRUE.
//   - DOUBLE → STRING: the shortest text that reads back exactly, without exponent between 1e-6
//     and 1e21 (3.0 is "3", like JSON output and PostgreSQL); DECIMAL → STRING keeps its scale.
//   - ARRAY/MAP/STRUCT → STRING: JSON text; between nested types element by element.

func buildCast(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("cast takes one argument, found %d", len(args))
	}
	return newCast(args[0], c.Args[0].Type(), c.T)
}

// newCast returns a kernel converting arg from type from to type to.
func newCast(arg Kernel, from, to types.Type) (Kernel, error) {
	if from.Equal(to) {
		return arg, nil
	}
	if from.Kind == types.KindNull {
		return newConst(to, nil), nil
	}
	if k := castKernel(arg, from, to); k != nil {
		return k, nil
	}
	return nil, fmt.Errorf("cannot cast %s to %s", from, to)
}

func castKernel(arg Kernel, from, to types.Type) Kernel {
	switch types.Storage(from.Kind) {
	case types.StoreI64:
		return castFromI64(arg, from, to)
	case types.StoreF64:
		return castFromF64(arg, to)
	case types.StoreBool:
		return castFromBool(arg, to)
	case types.StoreStr:
		return castFromStr(arg, to)
	}
	return castFromNested(arg, from, to)
}

func castFromI64(arg Kernel, from, to types.Type) Kernel {
	switch types.Storage(to.Kind) {
	case types.StoreI64:
		if f := i64ToI64(from, to); f != nil {
			return unaryI64(arg, to, refI64, f)
		}
		return newRetype(arg, to)
	case types.StoreF64:
		return unaryI64(arg, to, refF64, i64ToF64(from))
	case types.StoreBool:
		return unaryI64(arg, to, refBool, func(v int64) (bool, bool) { return v != 0, true })
	case types.StoreStr:
		return unaryI64(arg, to, refStr, i64ToStr(from))
	}
	return nil
}

func castFromF64(arg Kernel, to types.Type) Kernel {
	switch types.Storage(to.Kind) {
	case types.StoreI64:
		return unaryF64(arg, to, refI64, f64ToI64(to))
	case types.StoreBool:
		return unaryF64(arg, to, refBool, func(v float64) (bool, bool) { return v != 0, !math.IsNaN(v) })
	case types.StoreStr:
		return unaryF64(arg, to, refStr, func(v float64) (string, bool) { return formatFloat(v), true })
	}
	return nil
}

func castFromBool(arg Kernel, to types.Type) Kernel {
	switch types.Storage(to.Kind) {
	case types.StoreI64:
		one := int64(1)
		if to.Kind == types.KindDecimal {
			one, _ = pow10(to.Scale)
		}
		return &unary[bool, int64]{arg: arg, in: getBool, ref: refI64, out: newOut(to),
			f: func(v bool) (int64, bool) { return b2i(v) * one, true }}
	case types.StoreF64:
		return &unary[bool, float64]{arg: arg, in: getBool, ref: refF64, out: newOut(to),
			f: func(v bool) (float64, bool) { return float64(b2i(v)), true }}
	case types.StoreStr:
		return &unary[bool, string]{arg: arg, in: getBool, ref: refStr, out: newOut(to),
			f: func(v bool) (string, bool) { return formatBool(v), true }}
	}
	return nil
}

func castFromStr(arg Kernel, to types.Type) Kernel {
	switch types.Storage(to.Kind) {
	case types.StoreI64:
		return unaryStr(arg, to, refI64, strToI64(to))
	case types.StoreF64:
		return unaryStr(arg, to, refF64, parseFloat)
	case types.StoreBool:
		return unaryStr(arg, to, refBool, parseBool)
	case types.StoreStr:
		return newRetype(arg, to)
	}
	return nil
}

func castFromNested(arg Kernel, from, to types.Type) Kernel {
	switch {
	case to.Kind == types.KindString:
		return &unary[any, string]{arg: arg, in: getAny, ref: refStr, out: newOut(to),
			f: func(v any) (string, bool) { return string(appendJSON(nil, v, from)), true }}
	case to.Kind == from.Kind:
		return &unary[any, any]{arg: arg, in: getAny, ref: refAny, out: newOut(to),
			f: func(v any) (any, bool) { return castValue(v, from, to) }}
	}
	return nil
}

func b2i(v bool) int64 {
	if v {
		return 1
	}
	return 0
}

// Typed scalar conversions. Each returns ok=false for a value that does not convert.

// i64ToI64 converts between the kinds held in int64s; nil means the bits are kept as they are.
func i64ToI64(from, to types.Type) func(int64) (int64, bool) {
	fs, ts := decScale(from), decScale(to)
	switch {
	case from.Kind == types.KindDate && to.Kind == types.KindTimestamp:
		return func(v int64) (int64, bool) { return mulOK(v, msPerDay) }
	case from.Kind == types.KindTimestamp && to.Kind == types.KindDate:
		return func(v int64) (int64, bool) { return floorDiv(v, msPerDay), true }
	case to.Kind == types.KindDecimal:
		return func(v int64) (int64, bool) {
			r, ok := rescale(v, fs, ts)
			return r, ok && fitsPrecision(r, to.Precision)
		}
	case fs > 0:
		p, _ := pow10(fs)
		return func(v int64) (int64, bool) { return intRange(v/p, to) }
	case to.Kind == types.KindInt:
		return func(v int64) (int64, bool) { return intRange(v, to) }
	}
	return nil
}

const msPerDay = 86_400_000

// decScale is a DECIMAL's scale, 0 for the other kinds.
func decScale(t types.Type) int {
	if t.Kind == types.KindDecimal {
		return t.Scale
	}
	return 0
}

// intRange checks that v fits an INT (32 bits) when t is INT.
func intRange(v int64, t types.Type) (int64, bool) {
	if t.Kind == types.KindInt && (v > math.MaxInt32 || v < math.MinInt32) {
		return 0, false
	}
	return v, true
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func i64ToF64(from types.Type) func(int64) (float64, bool) {
	s := decScale(from)
	return func(v int64) (float64, bool) { return decToFloat(v, s), true }
}

func f64ToI64(to types.Type) func(float64) (int64, bool) {
	if to.Kind == types.KindDecimal {
		return func(v float64) (int64, bool) {
			r, ok := floatToDec(v, to.Scale)
			return r, ok && fitsPrecision(r, to.Precision)
		}
	}
	return func(v float64) (int64, bool) {
		t := math.Trunc(v)
		if math.IsNaN(t) || t >= 9.223372036854775e18 || t < -9.223372036854775e18 {
			return 0, false
		}
		return intRange(int64(t), to)
	}
}

// castValue converts one nested or scalar Value between types (the slow, boxed path used
// inside ARRAY, MAP and STRUCT values).
func castValue(v any, from, to types.Type) (any, bool) {
	if v == nil || from.Equal(to) {
		return v, true
	}
	switch to.Kind {
	case types.KindArray:
		return castArray(v, from, to)
	case types.KindMap:
		return castMap(v, from, to)
	case types.KindStruct:
		return castStruct(v, from, to)
	}
	return castScalarValue(v, from, to)
}

func castArray(v any, from, to types.Type) (any, bool) {
	xs, ok := v.([]any)
	if !ok || from.Elem == nil {
		return nil, false
	}
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i], _ = castValue(x, *from.Elem, *to.Elem)
	}
	return out, true
}

func castMap(v any, from, to types.Type) (any, bool) {
	m, ok := v.(map[string]any)
	if !ok || from.Elem == nil {
		return nil, false
	}
	out := make(map[string]any, len(m))
	for k, x := range m {
		out[k], _ = castValue(x, *from.Elem, *to.Elem)
	}
	return out, true
}

func castStruct(v any, from, to types.Type) (any, bool) {
	xs, ok := v.([]any)
	if !ok || len(from.Fields) != len(to.Fields) || len(xs) != len(to.Fields) {
		return nil, false
	}
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i], _ = castValue(x, from.Fields[i].Type, to.Fields[i].Type)
	}
	return out, true
}

// castScalarValue runs a one-row cast kernel; nested casts are rare enough for that.
func castScalarValue(v any, from, to types.Type) (any, bool) {
	k, err := newCast(newConst(from, v), from, to)
	if err != nil {
		return nil, false
	}
	out, err := k.Eval(&types.Batch{Len: 1})
	if err != nil {
		return nil, false
	}
	r := out.Value(0)
	return r, r != nil
}
