package planner

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
