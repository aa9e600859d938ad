package planner

import (
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// planJoin plans `a [LEFT] JOIN b [WITHIN d] ON ...`: an interval join when b is a stream (WITHIN
// required), a lookup join when b is a table (its primary key must be matched by equalities).
// Equalities between one side and the other become the join keys; the rest of ON is a residual
// predicate over the joined row.
func (p *planner) planJoin(j *parser.Join) (lnode, *scope) {
	left, ls := p.planFrom(j.Left, j.Pos())
	right, rs := p.planFrom(j.Right, j.Pos())
	if left == nil || right == nil {
		return nil, nil
	}
	kind, ok := p.joinKind(j)
	if !ok {
		return nil, nil
	}
	if !p.checkQualifiers(j, ls, rs) {
		return nil, nil
	}
	sc := ls.concat(rs)
	before := p.errs.count()
	on := p.newBinder(sc, "ON").bindBool(j.On)
	n := &lJoin{left: left, right: right, kind: kind, lookup: isTable(right)}
	if isTable(left) {
		p.errs.add(j.Left.Pos(), "the left side of a join must be a stream: %s is a table (put the table on the right)", j.Left)
		return nil, nil
	}
	pairs, residual := splitJoinCondition(on, len(ls.cols))
	if p.errs.count() > before {
		return nil, nil
	}
	if len(pairs) == 0 {
		p.errs.add(j.On.Pos(), "JOIN ... ON needs an equality between a column of each side (a.k = b.k), found %s", j.On)
		return nil, nil
	}
	if n.lookup {
		return p.lookupJoin(j, n, pairs, residual), sc
	}
	return p.intervalJoin(j, n, pairs, residual), sc
}

func (p *planner) joinKind(j *parser.Join) (JoinKind, bool) {
	switch j.Kind {
	case "", "INNER":
		return InnerJoin, true
	case "LEFT":
		return LeftJoin, true
	}
	p.errs.add(j.Pos(), "%s JOIN is not supported: use JOIN or LEFT JOIN (swap the sides for RIGHT)", j.Kind)
	return InnerJoin, false
}

// checkQualifiers rejects a join whose two sides are named alike (FROM a JOIN a without aliases).
func (p *planner) checkQualifiers(j *parser.Join, l, r *scope) bool {
	for _, q := range r.quals() {
		if contains(l.quals(), q) {
			p.errs.add(j.Right.Pos(), "%s is named twice in FROM: give one side an alias (AS ...)", q)
			return false
		}
	}
	return true
}

// isTable reports whether a plan reads a table (a changelog with a primary key) directly.
func isTable(n lnode) bool {
	s, ok := n.(*lScan)
	return ok && s.entry.Kind == TableEntry
}

// keyPair is an equality a = b between an expression over the left input and one over the right
// input (already rebased onto the right input's columns).
type keyPair struct {
	l, r Expr
}

// splitJoinCondition separates the equi-join conjuncts of on from the residual.
func splitJoinCondition(on Expr, nLeft int) ([]keyPair, Expr) {
	var pairs []keyPair
	var rest []Expr
	for _, c := range conjuncts(on) {
		if kp, ok := asKeyPair(c, nLeft); ok {
			pairs = append(pairs, kp)
		} else {
			rest = append(rest, c)
		}
	}
	return pairs, conjoin(rest)
}

func asKeyPair(c Expr, nLeft int) (keyPair, bool) {
	call, ok := c.(*Call)
	if !ok || call.Fn != "=" {
		return keyPair{}, false
	}
	a, b := call.Args[0], call.Args[1]
	sa, sb := side(a, nLeft), side(b, nLeft)
	switch {
	case sa == sideLeft && sb == sideRight:
		return keyPair{a, shift(b, -nLeft)}, true
	case sa == sideRight && sb == sideLeft:
		return keyPair{b, shift(a, -nLeft)}, true
	}
	return keyPair{}, false
}

const (
	sideNone = iota
	sideLeft
	sideRight
	sideBoth
)

// side says which join input an expression's columns come from.
func side(e Expr, nLeft int) int {
	s := sideNone
	for _, i := range columnsOf(e) {
		if i < nLeft {
			s |= sideLeft
		} else {
			s |= sideRight
		}
	}
	return s
}

// intervalJoin finishes a stream–stream join.
func (p *planner) intervalJoin(j *parser.Join, n *lJoin, pairs []keyPair, residual Expr) lnode {
	if j.Within == nil {
		p.errs.add(j.Pos(), "a stream-stream join needs WITHIN: JOIN %s WITHIN 1 HOUR ON ...", j.Right)
		return nil
	}
	n.within = p.positiveDuration(j.Within, "JOIN ... WITHIN")
	for _, kp := range pairs {
		t, _ := commonType(kp.l.Type(), kp.r.Type())
		n.lkeys = append(n.lkeys, castTo(kp.l, t))
		n.rkeys = append(n.rkeys, castTo(kp.r, t))
	}
	n.residual = residual
	return newJoin(n)
}

// lookupJoin finishes a stream–table join: the equalities must cover the table's primary key;
// the stream side's keys are listed in key order and cast to the key columns' types.
func (p *planner) lookupJoin(j *parser.Join, n *lJoin, pairs []keyPair, residual Expr) lnode {
	if j.Within != nil {
		p.errs.add(j.Within.Pos(), "WITHIN applies to stream-stream joins; %s is a table", j.Right)
	}
	ts := n.right.schema()
	rest := []Expr{residual}
	for _, k := range ts.Key {
		kp, i := pairFor(pairs, k)
		if i < 0 {
			p.errs.add(j.On.Pos(), "a join with table %s must match its primary key (%s) with equalities, e.g. ON s.%s = %s.%s",
				j.Right, keyNames(ts), ts.Fields[k].Name, j.Right, ts.Fields[k].Name)
			return nil
		}
		n.lkeys = append(n.lkeys, castTo(kp.l, ts.Fields[k].Type))
		pairs = append(pairs[:i:i], pairs[i+1:]...)
	}
	if len(ts.Key) == 0 {
		p.errs.add(j.Right.Pos(), "table %s has no primary key to join on", j.Right)
		return nil
	}
	nl := len(n.left.schema().Fields)
	for _, kp := range pairs { // equalities on non-key columns stay as residual
		rest = append(rest, &Call{Fn: "=", Args: []Expr{kp.l, shift(kp.r, nl)}, T: types.Bool})
	}
	n.residual = conjoin(rest)
	return newJoin(n)
}

// pairFor finds the equality whose right side is key column k of the table.
func pairFor(pairs []keyPair, k int) (keyPair, int) {
	for i, kp := range pairs {
		r := kp.r
		if c, ok := r.(*Call); ok && c.Fn == "cast" {
			r = c.Args[0]
		}
		if c, ok := r.(*ColumnRef); ok && c.Index == k {
			return keyPair{kp.l, r}, i
		}
	}
	return keyPair{}, -1
}

func keyNames(s *types.Schema) string {
	out := ""
	for i, k := range s.Key {
		if i > 0 {
			out += ", "
		}
		out += s.Fields[k].Name
	}
	return out
}
