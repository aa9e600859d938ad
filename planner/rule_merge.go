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

// dropIdentityProjects removes a projection (other than the statement's select list) that
// passes every input column through unchanged, in order and under the same names.
func dropIdentityProjects(n lnode) lnode {
	return transformUp(n, func(n lnode) lnode {
		p, ok := n.(*lProject)
		if !ok || p.root || !isIdentity(p) {
			return n
		}
		return p.in
	})
}

func isIdentity(p *lProject) bool {
	in := p.in.schema().Fields
	if len(p.exprs) != len(in) {
		return false
	}
	for i, e := range p.exprs {
		c, ok := e.(*ColumnRef)
		if !ok || c.Index != i || p.sch.Fields[i].Name != in[i].Name {
			return false
		}
	}
	return true
}
