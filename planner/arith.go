package planner

import (
	"fmt"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// arith types a binary arithmetic operator ("+" "-" "*" "/" "%") over bound operands and inserts
// the casts the kernels rely on. interval reports that b is an INTERVAL (milliseconds), which is
// what TIMESTAMP ± INTERVAL needs. It returns an error message (no position) when the operand
// types do not fit the operator.
func arith(op string, a, b Expr, interval bool) (Expr, string) {
	ta, tb := a.Type(), b.Type()
	if isTemporal(ta) && (op == "+" || op == "-") {
		return timeArith(op, a, b, interval)
	}
	if ta.Kind == types.KindNull || tb.Kind == types.KindNull {
		return nullArith(op, a, b)
	}
	if !ta.IsNumeric() || !tb.IsNumeric() {
		return nil, fmt.Sprintf("operator %s expects numbers, found %s %s %s", op, ta, op, tb)
	}
	switch op {
	case "*":
		return mulArith(a, b), ""
	case "/":
		return divArith(a, b), ""
	case "%":
		return modArith(a, b), ""
	}
	t := commonNumeric(ta, tb)
	return &Call{Fn: op, Args: []Expr{castTo(a, t), castTo(b, t)}, T: t}, ""
}

// nullArith types an operator with a NULL literal operand: the NULL takes the other side's type.
func nullArith(op string, a, b Expr) (Expr, string) {
	ta, tb := a.Type(), b.Type()
	if ta.Kind == types.KindNull && tb.Kind == types.KindNull {
		ta, tb = types.BigInt, types.BigInt
	}
	if ta.Kind == types.KindNull {
		ta = tb
	}
	if !ta.IsNumeric() {
		return nil, fmt.Sprintf("operator %s expects numbers, found %s", op, ta)
	}
	return arith(op, castTo(a, ta), castTo(b, ta), false)
}

// timeArith types TIMESTAMP ± INTERVAL (a DATE operand is widened to TIMESTAMP).
func timeArith(op string, a, b Expr, interval bool) (Expr, string) {
	if !interval {
		return nil, fmt.Sprintf("operator %s on %s expects an INTERVAL, found %s (use TO_UNIXTIME to subtract timestamps)", op, a.Type(), b.Type())
	}
	return &Call{Fn: op, Args: []Expr{castTo(a, types.Timestamp), castTo(b, types.BigInt)}, T: types.Timestamp}, ""
}

// mulArith: DECIMAL * DECIMAL keeps both scales (the kernel rescales) and adds precisions;
// otherwise both operands take the common type.
func mulArith(a, b Expr) Expr {
	ta, tb := a.Type(), b.Type()
	t := commonNumeric(ta, tb)
	if t.Kind != types.KindDecimal {
		return &Call{Fn: "*", Args: []Expr{castTo(a, t), castTo(b, t)}, T: t}
	}
	da, db := asDecimal(ta), asDecimal(tb)
	res := types.Decimal(min(types.MaxDecimalPrecision, da.Precision+db.Precision), min(types.MaxDecimalPrecision, da.Scale+db.Scale))
	return &Call{Fn: "*", Args: []Expr{castTo(a, da), castTo(b, db)}, T: res}
}

// divArith: integers divide and truncate (SQL.md); a DECIMAL operand makes it DOUBLE division.
func divArith(a, b Expr) Expr {
	t := commonNumeric(a.Type(), b.Type())
	if t.Kind == types.KindDecimal {
		t = types.Double
	}
	return &Call{Fn: "/", Args: []Expr{castTo(a, t), castTo(b, t)}, T: t}
}

// modArith: % on integers stays integer (sign of the dividend); anything else is DOUBLE fmod.
func modArith(a, b Expr) Expr {
	t := commonNumeric(a.Type(), b.Type())
	if !t.IsInteger() {
		t = types.Double
	}
	return &Call{Fn: "%", Args: []Expr{castTo(a, t), castTo(b, t)}, T: t}
}

// negate types unary minus; a numeric literal is folded.
func negate(a Expr) (Expr, string) {
	t := a.Type()
	if !t.IsNumeric() {
		return nil, "unary - expects a number, found " + t.String()
	}
	if l, ok := a.(*Literal); ok {
		switch v := l.Value.(type) {
		case int64:
			return &Literal{Value: -v, T: t}, ""
		case float64:
			return &Literal{Value: -v, T: t}, ""
		}
	}
	return &Call{Fn: "neg", Args: []Expr{a}, T: t}, ""
}

// compare types a comparison operator; both operands take their common type. A STRING literal
// compared to a TIMESTAMP or DATE is parsed at plan time (see literalAsTime).
func compare(op string, a, b Expr) (Expr, string) {
	a, b, msg := unifyTemporalLiteral(a, b)
	if msg != "" {
		return nil, msg
	}
	t, ok := commonType(a.Type(), b.Type())
	if !ok || !comparable(t) {
		return nil, fmt.Sprintf("cannot compare %s %s %s", a.Type(), strings.ToUpper(op), b.Type())
	}
	return &Call{Fn: op, Args: []Expr{castTo(a, t), castTo(b, t)}, T: types.Bool}, ""
}

// comparable reports whether values of t can be ordered or tested for equality by the kernels.
func comparable(t types.Type) bool {
	switch t.Kind {
	case types.KindArray, types.KindMap, types.KindStruct:
		return false
	}
	return true
}

// unifyTemporalLiteral converts a STRING literal on one side into the TIMESTAMP or DATE of the
// other side.
func unifyTemporalLiteral(a, b Expr) (Expr, Expr, string) {
	if isTemporal(a.Type()) {
		if l, ok := b.(*Literal); ok && l.T.Kind == types.KindString {
			nb, msg := literalAsTime(l, a.Type())
			return a, nb, msg
		}
	}
	if isTemporal(b.Type()) {
		if l, ok := a.(*Literal); ok && l.T.Kind == types.KindString {
			na, msg := literalAsTime(l, b.Type())
			return na, b, msg
		}
	}
	return a, b, ""
}
