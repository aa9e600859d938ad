package planner

import (
	"github.com/sluicedata/sluice/parser"
)

// planQuery plans a SELECT into a logical tree in SQL.md's clause order: FROM [JOIN] → WHERE →
// DEDUPLICATE → WINDOW/GROUP BY aggregate → HAVING → select list → LIMIT. It returns nil when the
// FROM clause could not be planned (the error is recorded).
func (p *planner) planQuery(s *parser.Select) lnode {
	p.pushCTEs(s.With)
	defer p.popCTEs()
	in, sc := p.planFrom(s.From, s.Pos())
	if in == nil {
		return nil
	}
	if s.Distinct {
		p.errs.add(s.Pos(), "SELECT DISTINCT is not supported: use DEDUPLICATE BY")
	}
	if s.Where != nil {
		in = &lFilter{in: in, pred: p.newBinder(sc, "WHERE").bindBool(s.Where)}
	}
	if s.Dedup != nil {
		in = p.planDedup(in, sc, s.Dedup)
	}
	out := p.planSelectList(s, in, sc)
	if s.Limit != nil {
		if *s.Limit < 0 {
			p.errs.add(s.LimitPos, "LIMIT must not be negative, found %d", *s.Limit)
		}
		out = &lLimit{in: out, n: *s.Limit}
	}
	return out
}

func (p *planner) planDedup(in lnode, sc *scope, d *parser.Dedup) lnode {
	b := p.newBinder(sc, "DEDUPLICATE BY")
	keys := make([]Expr, len(d.Keys))
	for i, k := range d.Keys {
		keys[i] = b.bind(k)
	}
	var within int64
	if d.Within != nil {
		within = p.positiveDuration(d.Within, "DEDUPLICATE BY ... WITHIN")
	}
	return &lDedup{in: in, keys: keys, within: within}
}

// selectItem is one output column of the select list, bound over the query's input (aggregates
// and window columns still as aggRef / windowRef).
type selectItem struct {
	expr Expr
	name string
	pos  parser.Pos
}

// planSelectList binds the select list, HAVING and GROUP BY, and builds either a projection
// or an aggregate followed by HAVING and a projection.
func (p *planner) planSelectList(s *parser.Select, in lnode, sc *scope) lnode {
	w := p.planWindow(s.Window)
	b := p.newBinder(sc, "the select list")
	b.aggs, b.window = &aggCollector{}, w != nil
	items := p.bindItems(b, s.Items)
	var having Expr
	if s.Having != nil {
		b.clause = "HAVING"
		having = b.bindBool(s.Having)
	}
	keys := p.bindGroupBy(sc, s.GroupBy, s.Items)
	if len(keys) == 0 && w == nil && len(b.aggs.aggs) == 0 {
		return p.planProjection(s, in, items, having)
	}
	agg := newAggregate(in, keys, b.aggs.aggs, w, p.emit(s))
	var out lnode = agg
	if having != nil {
		out = &lFilter{in: agg, pred: p.lift(b, agg, having)}
	}
	exprs := make([]Expr, len(items))
	for i, it := range items {
		exprs[i] = p.lift(b, agg, it.expr)
	}
	return p.rootProject(out, exprs, items)
}

// planProjection is the select list of a query without aggregation.
func (p *planner) planProjection(s *parser.Select, in lnode, items []selectItem, having Expr) lnode {
	if having != nil {
		p.errs.add(s.Having.Pos(), "HAVING needs GROUP BY, WINDOW or an aggregate in the select list")
	}
	if s.Emit == "FINAL" {
		p.errs.add(s.EmitPos, "EMIT FINAL needs an aggregation (WINDOW or GROUP BY): a query without one emits every row as it comes")
	}
	exprs := make([]Expr, len(items))
	for i, it := range items {
		exprs[i] = it.expr
	}
	return p.rootProject(in, exprs, items)
}

func (p *planner) rootProject(in lnode, exprs []Expr, items []selectItem) lnode {
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = it.name
	}
	pr := newProject(in, exprs, names)
	pr.pos = make([]parser.Pos, len(items))
	for i, it := range items {
		pr.pos[i] = it.pos
	}
	return pr
}

// emit is the query's EMIT mode: CHANGES unless EMIT FINAL is written.
func (p *planner) emit(s *parser.Select) Emit {
	if s.Emit == "FINAL" {
		return EmitFinal
	}
	return EmitChanges
}

// bindGroupBy binds the GROUP BY keys over the input. A key may also name a select-list alias
// when no input column has that name (as in PostgreSQL; ksqlDB does not allow it): the key is
// then the aliased expression.
func (p *planner) bindGroupBy(sc *scope, list []parser.Expr, items []*parser.SelectItem) []Expr {
	b := p.newBinder(sc, "GROUP BY")
	keys := make([]Expr, len(list))
	for i, k := range list {
		keys[i] = b.bind(aliasedItem(sc, k, items))
		if !comparable(keys[i].Type()) {
			p.errs.add(k.Pos(), "cannot GROUP BY %s: values of %s cannot be compared", k, keys[i].Type())
		}
	}
	return keys
}

// aliasedItem returns the select-list expression a GROUP BY name refers to, or k itself.
func aliasedItem(sc *scope, k parser.Expr, items []*parser.SelectItem) parser.Expr {
	id, ok := k.(*parser.Ident)
	if !ok || len(id.Parts) != 1 || sc.find("", id.Parts[0]) != -1 {
		return k
	}
	for _, it := range items {
		if it.Alias != nil && it.Expr != nil && it.Alias.Last() == id.Parts[0] {
			return it.Expr
		}
	}
	return k
}

// bindItems binds the select list, expanding * and q.*, and names each output column: the alias,
// else the column's own name without qualifier, else _colN (N its 1-based position).
func (p *planner) bindItems(b *binder, list []*parser.SelectItem) []selectItem {
	var out []selectItem
	for _, it := range list {
		if it.Star {
			out = append(out, p.expandStar(b, it)...)
			continue
		}
		x := b.bind(it.Expr)
		out = append(out, selectItem{expr: x, name: itemName(it, len(out)+1), pos: it.Pos()})
	}
	p.checkDuplicateNames(out)
	return out
}

func itemName(it *parser.SelectItem, n int) string {
	if it.Alias != nil {
		return it.Alias.Last()
	}
	switch e := it.Expr.(type) {
	case *parser.Ident:
		return e.Last()
	case *parser.Field:
		return e.Name.Last()
	}
	return "_col" + itoa(n)
}

// expandStar expands * (every column) or q.* (the columns of q).
func (p *planner) expandStar(b *binder, it *parser.SelectItem) []selectItem {
	qual := ""
	if it.Table != nil {
		qual = it.Table.Name()
		if !b.sc.hasQual(qual) {
			p.errs.add(it.Table.Pos(), "unknown stream or alias %s in %s.*%s", qual, qual, didYouMean(qual, b.sc.quals()))
			return nil
		}
	}
	var out []selectItem
	for i, c := range b.sc.cols {
		if qual != "" && c.qual != qual {
			continue
		}
		ref := &ColumnRef{Index: i, Name: c.name, T: c.t}
		b.pos[ref] = it.Pos()
		out = append(out, selectItem{expr: ref, name: c.name, pos: it.Pos()})
	}
	return out
}

func (p *planner) checkDuplicateNames(items []selectItem) {
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.name] {
			p.errs.add(it.pos, "duplicate output column %s: give one of them an alias (AS ...)", it.name)
		}
		seen[it.name] = true
	}
}
