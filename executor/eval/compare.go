package eval

import (
	"cmp"
	"fmt"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Comparisons are three-valued: a NULL operand gives NULL. Operands of different types (the
// planner normally casts them) are brought to a common type first. BOOLEAN orders FALSE < TRUE;
// DOUBLE follows IEEE (NaN compares unequal to everything); ARRAY, MAP and STRUCT support = and
// <> by value.

type cmpOp uint8

const (
	opEQ cmpOp = iota
	opNE
	opLT
	opLE
	opGT
	opGE
)

var cmpOps = map[string]cmpOp{"=": opEQ, "<>": opNE, "<": opLT, "<=": opLE, ">": opGT, ">=": opGE}

// flip is the operator with its operands swapped (a < b is b > a).
func (op cmpOp) flip() cmpOp {
	return [...]cmpOp{opEQ, opNE, opGT, opGE, opLT, opLE}[op]
}

// holds reports whether c (the sign of a three-way comparison) satisfies op.
func (op cmpOp) holds(c int) bool {
	switch op {
	case opEQ:
		return c == 0
	case opNE:
		return c != 0
	case opLT:
		return c < 0
	case opLE:
		return c <= 0
	case opGT:
		return c > 0
	}
	return c >= 0
}

func buildCompare(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("%s takes two arguments, found %d", c.Fn, len(args))
	}
	a, b, t, err := unify(args[0], args[1], c.Args[0].Type(), c.Args[1].Type())
	if err != nil {
		return nil, err
	}
	return newCompare(cmpOps[c.Fn], a, b, t)
}

// unify casts two operands to their common type.
func unify(a, b Kernel, ta, tb types.Type) (Kernel, Kernel, types.Type, error) {
	t := commonType(ta, tb)
	a, err := newCast(a, ta, t)
	if err != nil {
		return nil, nil, t, err
	}
	b, err = newCast(b, tb, t)
	return a, b, t, err
}

// commonType is the type both operands of a comparison, IN, CASE or COALESCE take.
func commonType(a, b types.Type) types.Type {
	switch {
	case a.Equal(b) || b.Kind == types.KindNull:
		return a
	case a.Kind == types.KindNull:
		return b
	case a.IsNumeric() && b.IsNumeric():
		return commonNumeric(a, b)
	case a.Kind == types.KindDate && b.Kind == types.KindTimestamp,
		a.Kind == types.KindTimestamp && b.Kind == types.KindDate:
		return types.Timestamp
	}
	return a
}

func newCompare(op cmpOp, a, b Kernel, t types.Type) (Kernel, error) {
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return newOrdered(op, a, b, getI64), nil
	case types.StoreF64:
		return newOrdered(op, a, b, getF64), nil
	case types.StoreStr:
		return newOrdered(op, a, b, getStr), nil
	case types.StoreBool:
		return &binop[bool, bool, bool]{a: a, b: b, ina: getBool, inb: getBool, ref: refBool, out: newOut(types.Bool),
			f: func(x, y bool) (bool, bool) { return op.holds(cmp.Compare(b2i(x), b2i(y))), true }}, nil
	}
	if op != opEQ && op != opNE {
		return nil, fmt.Errorf("%s values can only be compared with = and <>", t)
	}
	return &binop[any, any, bool]{a: a, b: b, ina: getAny, inb: getAny, ref: refBool, out: newOut(types.Bool),
		f: func(x, y any) (bool, bool) { return valueEqual(x, y) == (op == opEQ), true }}, nil
}

// ordered compares two vectors of an ordered Go type; a non-NULL constant operand is compared
// as a scalar.
type ordered[T cmp.Ordered] struct {
	op     cmpOp
	a, b   Kernel
	get    col[T]
	scalar bool // b is a non-NULL constant (a constant a is swapped into b)
	c      T
	out    *types.Vector
}

func newOrdered[T cmp.Ordered](op cmpOp, a, b Kernel, get col[T]) Kernel {
	k := &ordered[T]{op: op, a: a, b: b, get: get, out: newOut(types.Bool)}
	if _, isConst := constValue(a); isConst {
		k.a, k.b, k.op = b, a, op.flip()
	}
	if v, ok := constValue(k.b); ok && v != nil {
		k.scalar, k.c = true, v.(T)
	}
	return k
}

func (k *ordered[T]) Eval(bt *types.Batch) (*types.Vector, error) {
	va, vb, n, err := evalPair(bt, k.a, k.b, k.out)
	if err != nil {
		return nil, err
	}
	o := k.out.Bool[:n]
	if k.scalar {
		cmpScalar(k.op, k.get(va)[:n], k.c, o)
	} else {
		cmpVectors(k.op, k.get(va)[:n], k.get(vb)[:n], o)
	}
	zeroNulls(o, k.out.Nulls, n)
	return k.out, nil
}

func cmpVectors[T cmp.Ordered](op cmpOp, a, b []T, o []bool) {
	b = b[:len(a)]
	o = o[:len(a)]
	switch op {
	case opEQ:
		for i := range a {
			o[i] = a[i] == b[i]
		}
	case opNE:
		for i := range a {
			o[i] = a[i] != b[i]
		}
	case opLT:
		for i := range a {
			o[i] = a[i] < b[i]
		}
	case opLE:
		for i := range a {
			o[i] = a[i] <= b[i]
		}
	case opGT:
		for i := range a {
			o[i] = a[i] > b[i]
		}
	default:
		for i := range a {
			o[i] = a[i] >= b[i]
		}
	}
}

func cmpScalar[T cmp.Ordered](op cmpOp, a []T, c T, o []bool) {
	o = o[:len(a)]
	switch op {
	case opEQ:
		for i := range a {
			o[i] = a[i] == c
		}
	case opNE:
		for i := range a {
			o[i] = a[i] != c
		}
	case opLT:
		for i := range a {
			o[i] = a[i] < c
		}
	case opLE:
		for i := range a {
			o[i] = a[i] <= c
		}
	case opGT:
		for i := range a {
			o[i] = a[i] > c
		}
	default:
		for i := range a {
			o[i] = a[i] >= c
		}
	}
}
