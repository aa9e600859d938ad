package parser

import (
	"strconv"
	"strings"
)

func (c *converter) query(g *gQuery) *Select {
	s := g.Select
	q := &Select{At: pos(g.Pos), Distinct: s.Distinct, Where: c.exprOrNil(s.Where),
		Dedup: c.dedup(s.Dedup), Window: c.window(s.Window), GroupBy: c.exprs(s.GroupBy),
		Having: c.exprOrNil(s.Having)}
	for _, cte := range g.With {
		q.With = append(q.With, &CTE{At: pos(cte.Pos), Name: c.ident(cte.Name), Query: c.query(cte.Query)})
	}
	for _, it := range s.Items {
		q.Items = append(q.Items, c.selectItem(it))
	}
	if s.From != nil {
		q.From = c.from(s.From)
	}
	if s.Emit != nil {
		q.Emit, q.EmitPos = strings.ToUpper(s.Emit.What), pos(s.Emit.Pos)
	}
	if s.Limit != nil {
		q.Limit, q.LimitPos = c.limit(s.Limit), pos(s.Limit.Pos)
	}
	return q
}

func (c *converter) limit(g *gLimit) *int64 {
	n, err := strconv.ParseInt(g.N, 10, 64)
	if err != nil {
		c.errorf(g.Pos, "expected a whole number after LIMIT, found '%s'", g.N)
	}
	return &n
}

func (c *converter) selectItem(g *gSelectItem) *SelectItem {
	it := &SelectItem{At: pos(g.Pos), Alias: c.identOrNil(g.Alias)}
	if g.Star {
		it.Star = true
	} else if n := bareName(g.Expr); n != nil && len(n.Parts) > 0 && n.Parts[len(n.Parts)-1].Star {
		it.Star = true
		it.Table = c.nameIdent(n.Head, n.Parts[:len(n.Parts)-1])
	} else {
		it.Expr = c.expr(g.Expr)
	}
	if it.Star && it.Alias != nil {
		c.errorf(g.Alias.Pos, "expected ',' or FROM after *, found AS (a star cannot have an alias)")
	}
	return it
}

// bareName returns the name when g is nothing but a plain (possibly dotted) name.
func bareName(g *gExpr) *gName {
	o := g.First
	if len(g.Rest) > 0 || len(o.Prefix) > 0 || len(o.Ops) > 0 {
		return nil
	}
	n := o.Primary.Name
	if n == nil || n.Call != nil || n.Typed != nil {
		return nil
	}
	return n
}

func (c *converter) from(g *gFrom) TableExpr {
	t := c.tableRef(g.Left)
	for _, j := range g.Joins {
		t = c.join(t, j)
	}
	return t
}

func (c *converter) join(left TableExpr, g *gJoin) *Join {
	kind := strings.ToUpper(g.Kind)
	if kind == "" {
		kind = "INNER"
	}
	if g.Outer && kind == "INNER" {
		c.errorf(g.Pos, "expected JOIN after INNER, found OUTER")
	}
	return &Join{At: pos(g.Pos), Kind: kind, Left: left, Right: c.tableRef(g.Right),
		Within: c.duration(g.Within), On: c.expr(g.On)}
}

func (c *converter) tableRef(g *gTableRef) TableExpr {
	at, alias := pos(g.Pos), c.identOrNil(g.Alias)
	switch {
	case g.Sub != nil:
		return &Subquery{At: at, Query: c.query(g.Sub), Alias: alias}
	case g.TableFn != nil:
		return &TableFunc{At: at, Name: c.ident(g.TableFn.Name), Args: c.args(g.TableFn.Args), Alias: alias}
	case g.Args != nil:
		return &TableFunc{At: at, Name: c.ident(g.Name), Args: c.args(g.Args), Alias: alias}
	}
	return &TableName{At: at, Name: c.ident(g.Name), Alias: alias}
}

func (c *converter) args(g *gArgs) []Expr { return c.exprs(g.List) }

func (c *converter) dedup(g *gDedup) *Dedup {
	if g == nil {
		return nil
	}
	return &Dedup{At: pos(g.Pos), Keys: c.exprs(g.Keys), Within: c.duration(g.Within)}
}

// window builds a WINDOW clause and checks that its kind has the parts it needs.
func (c *converter) window(g *gWindow) *WindowClause {
	if g == nil {
		return nil
	}
	w := &WindowClause{At: pos(g.Pos), Kind: strings.ToUpper(g.Kind)}
	for _, it := range g.Items {
		c.windowItem(w, it)
	}
	c.checkWindow(w, g)
	return w
}

func (c *converter) windowItem(w *WindowClause, it *gWindowItem) {
	slot, name := &w.Gap, "a gap"
	switch {
	case it.Size != nil:
		slot, name = &w.Size, "SIZE"
	case it.Advance != nil:
		slot, name = &w.Advance, "ADVANCE BY"
	case it.Grace != nil:
		slot, name = &w.Grace, "GRACE PERIOD"
	}
	if *slot != nil {
		c.errorf(it.Pos, "expected one %s in WINDOW %s, found a second one", name, w.Kind)
	}
	*slot = c.duration(firstDuration(it))
}

func firstDuration(it *gWindowItem) *gDuration {
	for _, d := range []*gDuration{it.Size, it.Advance, it.Grace} {
		if d != nil {
			return d
		}
	}
	return it.Gap
}

func (c *converter) checkWindow(w *WindowClause, g *gWindow) {
	need := func(ok bool, what string) {
		if !ok {
			c.errorf(g.Pos, "expected %s in WINDOW %s", what, w.Kind)
		}
	}
	switch w.Kind {
	case "TUMBLING":
		need(w.Size != nil, "SIZE")
		need(w.Advance == nil && w.Gap == nil, "only SIZE and GRACE PERIOD")
	case "HOPPING":
		need(w.Size != nil && w.Advance != nil, "SIZE and ADVANCE BY")
		need(w.Gap == nil, "only SIZE, ADVANCE BY and GRACE PERIOD")
	case "SESSION":
		need(w.Gap != nil, "a gap duration (SESSION (30 SECONDS))")
		need(w.Size == nil && w.Advance == nil, "only a gap and GRACE PERIOD")
	}
}
