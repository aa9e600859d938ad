package planner

import (
	"fmt"
	"strings"

	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// bindCall binds a scalar function or an aggregate.
func (b *binder) bindCall(e *parser.Call) Expr {
	name := strings.ToLower(e.Name.Name())
	if e.Over != nil {
		return b.bad(e.Over.Pos(), "OVER windows are not supported: use WINDOW TUMBLING|HOPPING|SESSION with GROUP BY")
	}
	f, ok := functions[name]
	if !ok {
		return b.bad(e.Pos(), "unknown function %s%s", strings.ToUpper(name), didYouMean(strings.ToUpper(name), functionNames()))
	}
	if f.Agg {
		return b.bindAggregate(f, e)
	}
	if e.Star || e.Distinct {
		return b.bad(e.Pos(), "%s is not an aggregate: * and DISTINCT apply to aggregates only", strings.ToUpper(name))
	}
	args := make([]Expr, len(e.Args))
	for i, a := range e.Args {
		args[i] = b.bind(a)
	}
	if name == "mod" {
		return b.bindMod(e, args)
	}
	return b.callFunction(f, args, e.Args, e.Pos())
}

// callFunction checks bound arguments against f and builds the Call.
func (b *binder) callFunction(f *Function, args []Expr, ast []parser.Expr, pos parser.Pos) Expr {
	out, t, ae := checkCall(f, args)
	if ae != nil {
		if ae.Arg >= 0 && ae.Arg < len(ast) {
			pos = ast[ae.Arg].Pos()
		}
		return b.bad(pos, "%s", ae.Msg)
	}
	return &Call{Fn: f.Name, Args: out, T: t}
}

// bindMod binds MOD(a, b) as a % b.
func (b *binder) bindMod(e *parser.Call, args []Expr) Expr {
	if len(args) != 2 {
		return b.bad(e.Pos(), "MOD expects 2 arguments, found %d: %s", len(args), functions["mod"].Signature())
	}
	x, msg := arith("%", args[0], args[1], false)
	if msg != "" {
		return b.bad(e.Pos(), "MOD: %s", msg)
	}
	return x
}

// bindExtract binds EXTRACT(unit FROM ts) as extract('UNIT', ts).
func (b *binder) bindExtract(e *parser.Extract) Expr {
	if !contains(extractUnits, e.Unit) {
		return b.bad(e.UnitPos, "unknown EXTRACT field %s%s; expected one of %s", e.Unit, didYouMean(e.Unit, extractUnits), strings.Join(extractUnits, ", "))
	}
	unit := &Literal{Value: e.Unit, T: types.String}
	return b.callFunction(functions["extract"], []Expr{unit, b.bind(e.X)}, []parser.Expr{e, e.X}, e.Pos())
}

// bindAggregate binds an aggregate call into the collector and returns a reference to its result.
func (b *binder) bindAggregate(f *Function, e *parser.Call) Expr {
	upper := strings.ToUpper(f.Name)
	if b.aggs == nil {
		return b.bad(e.Pos(), "aggregate %s is not allowed in %s", upper, b.clause)
	}
	if e.Distinct && f.Name != "count" {
		return b.bad(e.Pos(), "DISTINCT is supported in COUNT(DISTINCT x) only, not in %s", upper)
	}
	agg := b.aggregateCall(f, e)
	if agg == nil {
		return nullExpr()
	}
	return b.aggs.add(agg)
}

// aggregateCall binds the arguments of an aggregate (where aggregates may not nest).
func (b *binder) aggregateCall(f *Function, e *parser.Call) *AggCall {
	if e.Star {
		if f.Name != "count" {
			b.p.errs.add(e.Pos(), "%s(*) is not defined; only COUNT(*)", strings.ToUpper(f.Name))
			return nil
		}
		return &AggCall{Fn: "count_star", T: types.BigInt}
	}
	inner := *b
	inner.aggs, inner.clause = nil, "the argument of another aggregate"
	args := make([]Expr, len(e.Args))
	for i, a := range e.Args {
		args[i] = inner.bind(a)
	}
	out, t, ae := checkCall(f, args)
	if ae != nil {
		pos := e.Pos()
		if ae.Arg >= 0 {
			pos = e.Args[ae.Arg].Pos()
		}
		b.p.errs.add(pos, "%s", ae.Msg)
		return nil
	}
	return &AggCall{Fn: f.Name, Args: out, Distinct: e.Distinct, T: t}
}

// aggCollector gathers the aggregates of a query's select list and HAVING, each once.
type aggCollector struct {
	aggs []*AggCall
}

func (c *aggCollector) add(a *AggCall) Expr {
	key := a.String() + " " + a.T.String()
	for i, x := range c.aggs {
		if x.String()+" "+x.T.String() == key {
			return &aggRef{index: i, T: a.T}
		}
	}
	c.aggs = append(c.aggs, a)
	return &aggRef{index: len(c.aggs) - 1, T: a.T}
}

// aggRef stands for the result of aggregate index until the expression is lifted over the
// Aggregate node (see lift); windowRef stands for window_start / window_end likewise.
type aggRef struct {
	index int
	T     types.Type
}

type windowRef struct{ end bool }

func (r *aggRef) Type() types.Type    { return r.T }
func (r *aggRef) String() string      { return fmt.Sprintf("agg#%d", r.index) }
func (r *windowRef) Type() types.Type { return types.Timestamp }
func (r *windowRef) String() string {
	if r.end {
		return "window_end"
	}
	return "window_start"
}
