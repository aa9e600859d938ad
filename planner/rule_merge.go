package planner

// mergeProjects composes a projection over another projection into one (the outer expressions
// over the inner one's input), so a CTE or derived table adds no operator of its own.
func mergeProjects(n lnode) lnode {
	return transformUp(n, func(n lnode) lnode {
		outer, ok := n.(*lProject)
		if !ok {
			return n
		}
		inner, ok := outer.in.(*lProject)
		if !ok || inner.root {
			return n
		}
		exprs := make([]Expr, len(outer.exprs))
		for i, e := range outer.exprs {
			exprs[i] = substitute(e, inner.exprs)
		}
		np := newProject(inner.in, exprs, outer.sch.Names())
		np.root, np.pos = outer.root, outer.pos
		return np
	})
}
