package planner

import (
	"strings"

	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// bindBinary binds arithmetic, comparison, logic and || (string concatenation).
func (b *binder) bindBinary(e *parser.Binary) Expr {
	l, r := b.bind(e.L), b.bind(e.R)
	var x Expr
	var msg string
	switch e.Op {
	case "+", "-", "*", "/", "%":
		_, isInterval := e.R.(*parser.IntervalLit)
		x, msg = arith(e.Op, l, r, isInterval)
	case "=", "<>", "<", "<=", ">", ">=":
		x, msg = compare(e.Op, l, r)
	case "AND", "OR":
		return &Call{Fn: strings.ToLower(e.Op), Args: []Expr{b.asBool(l, e.L.Pos()), b.asBool(r, e.R.Pos())}, T: types.Bool}
	case "||":
		return b.callFunction(functions["concat"], []Expr{l, r}, []parser.Expr{e.L, e.R}, e.Pos())
	default:
		return b.bad(e.Pos(), "unknown operator %s", e.Op)
	}
	if msg != "" {
		return b.bad(e.Pos(), "%s", msg)
	}
	return x
}

func (b *binder) bindUnary(e *parser.Unary) Expr {
	x := b.bind(e.X)
	switch e.Op {
	case "NOT":
		return not(b.asBool(x, e.X.Pos()))
	case "+":
		if !x.Type().IsNumeric() && x.Type().Kind != types.KindNull {
			return b.bad(e.Pos(), "unary + expects a number, found %s", x.Type())
		}
		return x
	}
	if x.Type().Kind == types.KindNull {
		return x
	}
	n, msg := negate(x)
	if msg != "" {
		return b.bad(e.Pos(), "%s", msg)
	}
	return n
}

func not(x Expr) Expr { return &Call{Fn: "not", Args: []Expr{x}, T: types.Bool} }

func notIf(neg bool, x Expr) Expr {
	if neg {
		return not(x)
	}
	return x
}

func (b *binder) bindIsNull(e *parser.IsNull) Expr {
	fn := "is_null"
	if e.Not {
		fn = "is_not_null"
	}
	return &Call{Fn: fn, Args: []Expr{b.bind(e.X)}, T: types.Bool}
}

// bindIn binds x IN (v1, v2, ...): every value is brought to the common type of all of them.
func (b *binder) bindIn(e *parser.In) Expr {
	args := []Expr{b.bind(e.X)}
	t := args[0].Type()
	for _, v := range e.List {
		_, x, msg := unifyTemporalLiteral(args[0], b.bind(v))
		if msg != "" {
			return b.bad(v.Pos(), "%s", msg)
		}
		nt, ok := commonType(t, x.Type())
		if !ok || !comparable(nt) {
			return b.bad(v.Pos(), "IN list value %s is %s, not comparable with %s", v, x.Type(), t)
		}
		t = nt
		args = append(args, x)
	}
	for i := range args {
		args[i] = castTo(args[i], t)
	}
	return notIf(e.Not, &Call{Fn: "in", Args: args, T: types.Bool})
}

// bindBetween desugars x BETWEEN lo AND hi into x >= lo AND x <= hi.
func (b *binder) bindBetween(e *parser.Between) Expr {
	x, lo, hi := b.bind(e.X), b.bind(e.Lo), b.bind(e.Hi)
	ge, msg1 := compare(">=", x, lo)
	le, msg2 := compare("<=", x, hi)
	if msg1 != "" || msg2 != "" {
		return b.bad(e.Pos(), "BETWEEN: %s", strings.TrimPrefix(msg1+"; "+msg2, "; "))
	}
	return notIf(e.Not, &Call{Fn: "and", Args: []Expr{ge, le}, T: types.Bool})
}

func (b *binder) bindLike(e *parser.Like) Expr {
	x, p := b.bind(e.X), b.bind(e.Pattern)
	for _, a := range []struct {
		x   Expr
		pos parser.Pos
	}{{x, e.X.Pos()}, {p, e.Pattern.Pos()}} {
		if k := a.x.Type().Kind; k != types.KindString && k != types.KindNull {
			return b.bad(a.pos, "LIKE expects STRING operands, found %s", a.x.Type())
		}
	}
	return notIf(e.Not, &Call{Fn: "like", Args: []Expr{castTo(x, types.String), castTo(p, types.String)}, T: types.Bool})
}

// bindCase binds both CASE forms into Call "case" (when1, then1, ..., [else]); CASE x WHEN v
// becomes x = v. The results are brought to their common type.
func (b *binder) bindCase(e *parser.Case) Expr {
	var operand Expr
	if e.Operand != nil {
		operand = b.bind(e.Operand)
	}
	var conds, results []Expr
	for _, w := range e.Whens {
		conds = append(conds, b.caseCond(operand, w))
		results = append(results, b.bind(w.Result))
	}
	if e.Else != nil {
		results = append(results, b.bind(e.Else))
	}
	t, ok := b.unify(results, e)
	if !ok {
		return nullExpr()
	}
	var args []Expr
	for i, c := range conds {
		args = append(args, c, castTo(results[i], t))
	}
	if e.Else != nil {
		args = append(args, castTo(results[len(results)-1], t))
	}
	return &Call{Fn: "case", Args: args, T: t}
}

func (b *binder) caseCond(operand Expr, w *parser.When) Expr {
	if operand == nil {
		return b.bindBool(w.Cond)
	}
	c, msg := compare("=", operand, b.bind(w.Cond))
	if msg != "" {
		return b.bad(w.Cond.Pos(), "CASE: %s", msg)
	}
	return c
}

// unify finds the common type of the CASE results, reporting the first that does not fit.
func (b *binder) unify(xs []Expr, e *parser.Case) (types.Type, bool) {
	t := types.Null
	for i, x := range xs {
		nt, ok := commonType(t, x.Type())
		if !ok {
			pos := e.Pos()
			if i < len(e.Whens) {
				pos = e.Whens[i].Result.Pos()
			} else if e.Else != nil {
				pos = e.Else.Pos()
			}
			b.p.errs.add(pos, "CASE results must have one type: found %s and %s", t, x.Type())
			return t, false
		}
		t = nt
	}
	return t, true
}

// bindCast binds CAST(x AS T); a STRING literal cast to TIMESTAMP or DATE is read at plan time.
func (b *binder) bindCast(e *parser.Cast) Expr {
	x := b.bind(e.X)
	t := b.p.resolveType(e.Type)
	if l, ok := x.(*Literal); ok && l.T.Kind == types.KindString && isTemporal(t) {
		y, msg := literalAsTime(l, t)
		if msg != "" {
			return b.bad(e.X.Pos(), "%s", msg)
		}
		return y
	}
	if !castable(x.Type(), t) {
		return b.bad(e.Pos(), "cannot CAST %s to %s", x.Type(), t)
	}
	return castTo(x, t)
}

// castable reports whether CAST from f to t is defined: between scalars, and between nested
// types only when they are identical.
func castable(f, t types.Type) bool {
	if f.Kind == types.KindNull || f.Equal(t) {
		return true
	}
	if !comparable(f) || !comparable(t) {
		return false
	}
	if f.Kind == types.KindBool || t.Kind == types.KindBool {
		return f.Kind == types.KindString || t.Kind == types.KindString || f.IsInteger() || t.IsInteger()
	}
	if isTemporal(f) || isTemporal(t) {
		return isTemporal(f) && isTemporal(t) || f.Kind == types.KindString || t.Kind == types.KindString ||
			f.Kind == types.KindBigInt || t.Kind == types.KindBigInt
	}
	return true
}
