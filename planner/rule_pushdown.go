package planner

// pushFilters moves each filter as close to its source as it can go: through projections (its
// columns replaced by the projected expressions), into the side of a join its conjuncts read
// (the right side of a LEFT join only keeps them, since a pushed filter would turn misses into
// NULL rows instead of dropping them), below an aggregate for conjuncts on group keys only, and
// merged with filters below. It stops at sources, DEDUPLICATE (which row is first depends on what
// was filtered) and LIMIT.
func pushFilters(n lnode) lnode {
	return transformUp(n, func(n lnode) lnode {
		if f, ok := n.(*lFilter); ok {
			return pushFilter(f.in, f.pred)
		}
		return n
	})
}

// pushFilter places pred over in, as deep as it can go.
func pushFilter(in lnode, pred Expr) lnode {
	switch x := in.(type) {
	case *lFilter:
		return pushFilter(x.in, conjoin([]Expr{x.pred, pred}))
	case *lProject:
		return x.with([]lnode{pushFilter(x.in, substitute(pred, x.exprs))})
	case *lJoin:
		return pushIntoJoin(x, pred)
	case *lAggregate:
		return pushBelowAggregate(x, pred)
	}
	return &lFilter{in: in, pred: pred}
}

func pushIntoJoin(j *lJoin, pred Expr) lnode {
	nl := len(j.left.schema().Fields)
	var left, right, stay []Expr
	for _, c := range conjuncts(pred) {
		switch side(c, nl) {
		case sideLeft:
			left = append(left, c)
		case sideRight:
			if j.kind == InnerJoin && !j.lookup {
				right = append(right, shift(c, -nl))
				continue
			}
			stay = append(stay, c)
		default:
			stay = append(stay, c)
		}
	}
	nj := *j
	if len(left) > 0 {
		nj.left = pushFilter(j.left, conjoin(left))
	}
	if len(right) > 0 {
		nj.right = pushFilter(j.right, conjoin(right))
	}
	return wrapFilter(&nj, conjoin(stay))
}

func pushBelowAggregate(a *lAggregate, pred Expr) lnode {
	var below, stay []Expr
	for _, c := range conjuncts(pred) {
		if onlyColumnsBelow(c, len(a.keys)) {
			below = append(below, substitute(c, a.keys))
		} else {
			stay = append(stay, c)
		}
	}
	if len(below) == 0 {
		return &lFilter{in: a, pred: pred}
	}
	na := *a
	na.in = pushFilter(a.in, conjoin(below))
	return wrapFilter(&na, conjoin(stay))
}

// onlyColumnsBelow reports whether e reads columns and only columns below n.
func onlyColumnsBelow(e Expr, n int) bool {
	cols := columnsOf(e)
	for _, c := range cols {
		if c >= n {
			return false
		}
	}
	return len(cols) > 0
}

func wrapFilter(in lnode, pred Expr) lnode {
	if pred == nil {
		return in
	}
	return &lFilter{in: in, pred: pred}
}
