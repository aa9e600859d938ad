package planner

import (
	"math"
	"strconv"
	"strings"

	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// bindIdent resolves a column, a qualified column or a struct member path.
func (b *binder) bindIdent(id *parser.Ident) Expr {
	if w := b.windowColumn(id); w != nil {
		return w
	}
	r, msg := b.sc.resolve(id)
	if msg != "" {
		return b.bad(id.Pos(), "%s", msg)
	}
	c := b.sc.cols[r.col]
	var x Expr = &ColumnRef{Index: r.col, Name: c.name, T: c.t}
	b.pos[x] = id.Pos()
	for i, m := range r.members {
		x = b.member(x, m, id.Pos(), strings.Join(id.Parts[:r.posOf+i], "."))
	}
	return x
}

// windowColumn binds window_start / window_end when the query has a WINDOW clause.
func (b *binder) windowColumn(id *parser.Ident) Expr {
	if !b.window || len(id.Parts) != 1 {
		return nil
	}
	switch id.Parts[0] {
	case "window_start":
		return &windowRef{}
	case "window_end":
		return &windowRef{end: true}
	}
	return nil
}

// member reads struct member name of x; src is x as written, for messages.
func (b *binder) member(x Expr, name string, pos parser.Pos, src string) Expr {
	t := x.Type()
	switch t.Kind {
	case types.KindNull:
		return x
	case types.KindMap:
		return b.bad(pos, "%s is a MAP: write %s['%s'] to read a key", src, src, name)
	case types.KindStruct:
	default:
		return b.bad(pos, "cannot read member %s of %s: it is %s, not a STRUCT", name, src, t)
	}
	f, i, ok := t.Field(name)
	if !ok {
		return b.bad(pos, "%s has no member %s%s", src, name, didYouMean(name, structNames(t)))
	}
	return &Call{Fn: "field", Args: []Expr{x, &Literal{Value: int64(i), T: types.BigInt}}, T: f.Type}
}

func structNames(t types.Type) []string {
	out := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		out[i] = f.Name
	}
	return out
}

// bindIndex binds a[i] (ARRAY, 1-based BIGINT) and m['k'] (MAP, STRING key).
func (b *binder) bindIndex(e *parser.Index) Expr {
	x, i := b.bind(e.X), b.bind(e.Index)
	t := x.Type()
	switch {
	case t.Kind == types.KindNull:
		return x
	case t.Kind == types.KindArray && (i.Type().IsInteger() || i.Type().Kind == types.KindNull):
		return &Call{Fn: "index", Args: []Expr{x, castTo(i, types.BigInt)}, T: *t.Elem}
	case t.Kind == types.KindMap && (i.Type().Kind == types.KindString || i.Type().Kind == types.KindNull):
		return &Call{Fn: "index", Args: []Expr{x, castTo(i, types.String)}, T: *t.Elem}
	case t.Kind == types.KindArray:
		return b.bad(e.Index.Pos(), "ARRAY index must be an integer, found %s", i.Type())
	case t.Kind == types.KindMap:
		return b.bad(e.Index.Pos(), "MAP key must be a STRING, found %s", i.Type())
	}
	return b.bad(e.Pos(), "cannot index %s: it is %s, not an ARRAY or MAP", e.X, t)
}

// bindNumber types a numeric literal: INT when it fits 32 bits, else BIGINT; DOUBLE when it has
// a decimal point or an exponent (or does not fit 64 bits).
func (b *binder) bindNumber(n *parser.NumberLit) Expr {
	if !strings.ContainsAny(n.Text, ".eE") {
		if v, err := strconv.ParseInt(n.Text, 10, 64); err == nil {
			if v >= math.MinInt32 && v <= math.MaxInt32 {
				return &Literal{Value: v, T: types.Int}
			}
			return &Literal{Value: v, T: types.BigInt}
		}
	}
	f, err := strconv.ParseFloat(n.Text, 64)
	if err != nil || math.IsInf(f, 0) {
		return b.bad(n.Pos(), "number %s is out of range", n.Text)
	}
	return &Literal{Value: f, T: types.Double}
}

// bindInterval turns INTERVAL 'n' UNIT into a BIGINT literal of milliseconds.
func (b *binder) bindInterval(e *parser.IntervalLit) Expr {
	ms, msg := durationMs(e.Value, e.Unit)
	if msg != "" {
		return b.bad(e.UnitPos, "%s", msg)
	}
	return &Literal{Value: ms, T: types.BigInt}
}

// bindTyped reads TIMESTAMP '...' and DATE '...'.
func (b *binder) bindTyped(e *parser.TypedLit) Expr {
	t := types.Timestamp
	if e.Type == "DATE" {
		t = types.Date
	}
	x, msg := literalAsTime(&Literal{Value: e.Value, T: types.String}, t)
	if msg != "" {
		return b.bad(e.Pos(), "%s", msg)
	}
	return x
}
