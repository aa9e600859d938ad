package planner

// pruneColumns drops what no consumer reads: columns of non-root projections (a CTE's or derived
// table's unused select items are not computed), aggregates whose result nobody reads, and the
// columns of join inputs that neither the join nor anything above it needs (a narrowing
// projection is put below the join, so join state holds only what is used). Sources and the
// statement's own select list keep all their columns: a source decodes and validates its whole
// declared schema (NOT NULL checks, error records).
func pruneColumns(n lnode) lnode {
	out, _ := prune(n, allNeeded(n))
	return out
}

func allNeeded(n lnode) []bool {
	need := make([]bool, len(n.schema().Fields))
	for i := range need {
		need[i] = true
	}
	return need
}

// prune rewrites n to produce at least the needed columns and returns the mapping from its old
// output positions to the new ones (-1 for a dropped column).
func prune(n lnode, need []bool) (lnode, []int) {
	switch x := n.(type) {
	case *lProject:
		return pruneProject(x, need)
	case *lFilter:
		in, m := prune(x.in, union(need, x.pred))
		return &lFilter{in: in, pred: remap(x.pred, m)}, m
	case *lDedup:
		in, m := prune(x.in, union(need, x.keys...))
		return &lDedup{in: in, keys: remapAll(x.keys, m), within: x.within}, m
	case *lLimit:
		in, m := prune(x.in, need)
		return &lLimit{in: in, n: x.n}, m
	case *lAggregate:
		return pruneAggregate(x, need)
	case *lJoin:
		return pruneJoin(x, need)
	}
	return n, identity(len(n.schema().Fields))
}

func pruneProject(p *lProject, need []bool) (lnode, []int) {
	keep := make([]bool, len(p.exprs))
	for i := range keep {
		keep[i] = p.root || need[i]
	}
	if !anyTrue(keep) && len(keep) > 0 {
		keep[0] = true // a relation keeps at least one column
	}
	var exprs []Expr
	var names []string
	var pos = p.pos[:0:0]
	m := make([]int, len(p.exprs))
	for i, e := range p.exprs {
		m[i] = -1
		if keep[i] {
			m[i] = len(exprs)
			exprs = append(exprs, e)
			names = append(names, p.sch.Fields[i].Name)
			if p.pos != nil {
				pos = append(pos, p.pos[i])
			}
		}
	}
	in, cm := prune(p.in, union(make([]bool, len(p.in.schema().Fields)), exprs...))
	np := newProject(in, remapAll(exprs, cm), names)
	np.root, np.pos = p.root, pos
	return np, m
}

func pruneAggregate(a *lAggregate, need []bool) (lnode, []int) {
	fixed := len(a.keys) + a.windowCols()
	m := identity(len(a.sch.Fields))
	var aggs []*AggCall
	for i, g := range a.aggs {
		if need[fixed+i] {
			m[fixed+i] = fixed + len(aggs)
			aggs = append(aggs, g)
		} else {
			m[fixed+i] = -1
		}
	}
	inNeed := union(make([]bool, len(a.in.schema().Fields)), a.keys...)
	for _, g := range aggs {
		inNeed = union(inNeed, g.Args...)
	}
	in, cm := prune(a.in, inNeed)
	return newAggregate(in, remapAll(a.keys, cm), remapAggs(aggs, cm), a.window, a.emit), m
}

func remapAggs(aggs []*AggCall, m []int) []*AggCall {
	out := make([]*AggCall, len(aggs))
	for i, g := range aggs {
		c := *g
		c.Args = remapAll(g.Args, m)
		out[i] = &c
	}
	return out
}

// pruneJoin narrows both inputs to what the join and its consumers read. The table side of a
// lookup join is left whole: it is a changelog keyed by its primary key.
func pruneJoin(j *lJoin, need []bool) (lnode, []int) {
	nl := len(j.left.schema().Fields)
	nr := len(j.right.schema().Fields)
	all := union(append([]bool(nil), need...), j.residual)
	lneed := union(all[:nl:nl], j.lkeys...)
	rneed := union(append([]bool(nil), all[nl:]...), j.rkeys...)
	left, lm := narrow(j.left, lneed)
	right, rm := j.right, identity(nr)
	if !j.lookup {
		right, rm = narrow(j.right, rneed)
	}
	newL := len(left.schema().Fields)
	m := append(append([]int(nil), lm...), make([]int, nr)...)
	for i, r := range rm {
		m[nl+i] = -1
		if r >= 0 {
			m[nl+i] = newL + r
		}
	}
	nj := &lJoin{left: left, right: right, kind: j.kind, lookup: j.lookup, within: j.within,
		lkeys: remapAll(j.lkeys, lm), rkeys: remapAll(j.rkeys, rm)}
	if j.residual != nil {
		nj.residual = remap(j.residual, m)
	}
	return newJoin(nj), m
}

// narrow prunes n and, when it still produces columns that are not needed (a source cannot drop
// its own), puts a projection of the needed ones on top.
func narrow(n lnode, need []bool) (lnode, []int) {
	in, m := prune(n, need)
	fields := in.schema().Fields
	var exprs []Expr
	var names []string
	inner := make([]int, len(fields))
	for i := range inner {
		inner[i] = -1
	}
	for old, cur := range m {
		if cur >= 0 && need[old] {
			inner[cur] = len(exprs)
			exprs = append(exprs, &ColumnRef{Index: cur, Name: fields[cur].Name, T: fields[cur].Type})
			names = append(names, fields[cur].Name)
		}
	}
	if len(exprs) == len(fields) || len(exprs) == 0 {
		return in, m
	}
	out := make([]int, len(m))
	for old, cur := range m {
		out[old] = -1
		if cur >= 0 {
			out[old] = inner[cur]
		}
	}
	return newProject(in, exprs, names), out
}

// union marks the columns that exprs read.
func union(need []bool, exprs ...Expr) []bool {
	for _, e := range exprs {
		for _, c := range columnsOf(e) {
			need[c] = true
		}
	}
	return need
}

func identity(n int) []int {
	m := make([]int, n)
	for i := range m {
		m[i] = i
	}
	return m
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}
