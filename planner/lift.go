package planner

// lift rewrites an expression bound over an aggregate's input (with aggRef / windowRef
// placeholders) into one over the aggregate's output: a sub-expression equal to a GROUP BY key
// reads that key, an aggregate reads its result column, window_start / window_end read the
// window columns, and any other input column is an error at its position: it is neither grouped
// nor inside an aggregate.
func (p *planner) lift(b *binder, agg *lAggregate, e Expr) Expr {
	out := agg.schema()
	for i, k := range agg.keys {
		if sameExpr(k, e) {
			return &ColumnRef{Index: i, Name: out.Fields[i].Name, T: out.Fields[i].Type}
		}
	}
	switch x := e.(type) {
	case *aggRef:
		i := len(agg.keys) + agg.windowCols() + x.index
		return &ColumnRef{Index: i, Name: out.Fields[i].Name, T: x.T}
	case *windowRef:
		i := len(agg.keys)
		if x.end {
			i++
		}
		return &ColumnRef{Index: i, Name: out.Fields[i].Name, T: out.Fields[i].Type}
	case *ColumnRef:
		p.errs.add(b.pos[e], "column %s must appear in GROUP BY or be inside an aggregate", x.Name)
		return nullExpr()
	case *Call:
		c := *x
		c.Args = make([]Expr, len(x.Args))
		for i, a := range x.Args {
			c.Args[i] = p.lift(b, agg, a)
		}
		return &c
	}
	return e
}

// sameExpr reports whether two bound expressions are structurally equal.
func sameExpr(a, b Expr) bool {
	if _, ok := a.(*Literal); ok {
		return false // a constant is never "the group key" of another constant
	}
	return a.String() == b.String() && a.Type().Equal(b.Type())
}
