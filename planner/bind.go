package planner

import (
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// binder turns AST expressions into bound, typed Exprs over a scope. Errors are recorded with
// their positions and the failed sub-expression becomes a NULL literal, so that binding goes on
// and reports every problem of a statement.
type binder struct {
	p      *planner
	sc     *scope
	clause string              // the clause being bound, for messages ("WHERE", "GROUP BY", ...)
	aggs   *aggCollector       // nil where aggregates are not allowed
	window bool                // window_start and window_end may be named
	pos    map[Expr]parser.Pos // where each bound column reference was written
}

func (p *planner) newBinder(sc *scope, clause string) *binder {
	return &binder{p: p, sc: sc, clause: clause, pos: map[Expr]parser.Pos{}}
}

// bad records an error and returns the placeholder for the failed expression.
func (b *binder) bad(pos parser.Pos, format string, args ...any) Expr {
	b.p.errs.add(pos, format, args...)
	return nullExpr()
}

// nullExpr is the untyped NULL literal, also the placeholder of an expression that failed.
func nullExpr() Expr { return &Literal{T: types.Null} }

// bind binds one expression.
func (b *binder) bind(e parser.Expr) Expr {
	switch e := e.(type) {
	case *parser.Ident:
		return b.bindIdent(e)
	case *parser.NumberLit:
		return b.bindNumber(e)
	case *parser.StringLit:
		return &Literal{Value: e.Value, T: types.String}
	case *parser.BoolLit:
		return &Literal{Value: e.Value, T: types.Bool}
	case *parser.NullLit:
		return nullExpr()
	case *parser.IntervalLit:
		return b.bindInterval(e)
	case *parser.TypedLit:
		return b.bindTyped(e)
	case *parser.Binary:
		return b.bindBinary(e)
	case *parser.Unary:
		return b.bindUnary(e)
	}
	return b.bindOther(e)
}

func (b *binder) bindOther(e parser.Expr) Expr {
	switch e := e.(type) {
	case *parser.IsNull:
		return b.bindIsNull(e)
	case *parser.In:
		return b.bindIn(e)
	case *parser.Between:
		return b.bindBetween(e)
	case *parser.Like:
		return b.bindLike(e)
	case *parser.Case:
		return b.bindCase(e)
	case *parser.Cast:
		return b.bindCast(e)
	case *parser.Call:
		return b.bindCall(e)
	case *parser.Extract:
		return b.bindExtract(e)
	case *parser.Index:
		return b.bindIndex(e)
	case *parser.Field:
		return b.member(b.bind(e.X), e.Name.Last(), e.Name.Pos(), e.X.String())
	}
	return b.bad(e.Pos(), "%s is not allowed in an expression", e.String())
}

// bindBool binds a condition (WHERE, HAVING, ON, CASE WHEN) that must be BOOLEAN.
func (b *binder) bindBool(e parser.Expr) Expr {
	x := b.bind(e)
	return b.asBool(x, e.Pos())
}

func (b *binder) asBool(x Expr, pos parser.Pos) Expr {
	switch x.Type().Kind {
	case types.KindBool:
		return x
	case types.KindNull:
		return castTo(x, types.Bool)
	}
	return b.bad(pos, "%s expects a BOOLEAN condition, found %s", b.clause, x.Type())
}
