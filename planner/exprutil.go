package planner

import "github.com/sluicedata/sluice/types"

// conjuncts splits a predicate on AND.
func conjuncts(e Expr) []Expr {
	if c, ok := e.(*Call); ok && c.Fn == "and" {
		return append(conjuncts(c.Args[0]), conjuncts(c.Args[1])...)
	}
	if e == nil {
		return nil
	}
	return []Expr{e}
}

// conjoin joins predicates with AND; nil when there are none (nil entries are skipped).
func conjoin(es []Expr) Expr {
	var out Expr
	for _, e := range es {
		switch {
		case e == nil:
		case out == nil:
			out = e
		default:
			out = &Call{Fn: "and", Args: []Expr{out, e}, T: types.Bool}
		}
	}
	return out
}

// columnsOf lists the input columns an expression reads.
func columnsOf(e Expr) []int {
	var out []int
	walk(e, func(x Expr) {
		if c, ok := x.(*ColumnRef); ok {
			out = append(out, c.Index)
		}
	})
	return out
}

func walk(e Expr, f func(Expr)) {
	if e == nil {
		return
	}
	f(e)
	if c, ok := e.(*Call); ok {
		for _, a := range c.Args {
			walk(a, f)
		}
	}
}

// rewrite rebuilds e bottom-up, replacing each column reference by f(ref).
func rewrite(e Expr, f func(*ColumnRef) Expr) Expr {
	switch x := e.(type) {
	case *ColumnRef:
		return f(x)
	case *Call:
		c := *x
		c.Args = make([]Expr, len(x.Args))
		for i, a := range x.Args {
			c.Args[i] = rewrite(a, f)
		}
		return &c
	}
	return e
}

// shift moves every column reference by d.
func shift(e Expr, d int) Expr {
	if d == 0 {
		return e
	}
	return rewrite(e, func(c *ColumnRef) Expr { return &ColumnRef{Index: c.Index + d, Name: c.Name, T: c.T} })
}

// remap renumbers column references through m (old index → new index).
func remap(e Expr, m []int) Expr {
	return rewrite(e, func(c *ColumnRef) Expr { return &ColumnRef{Index: m[c.Index], Name: c.Name, T: c.T} })
}

func remapAll(es []Expr, m []int) []Expr {
	out := make([]Expr, len(es))
	for i, e := range es {
		out[i] = remap(e, m)
	}
	return out
}

// substitute replaces each column reference i by exprs[i] (inlining a projection).
func substitute(e Expr, exprs []Expr) Expr {
	return rewrite(e, func(c *ColumnRef) Expr { return exprs[c.Index] })
}
