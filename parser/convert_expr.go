package parser

import (
	"strings"
)

func (c *converter) exprOrNil(g *gExpr) Expr {
	if g == nil {
		return nil
	}
	return c.expr(g)
}

func (c *converter) exprs(gs []*gExpr) []Expr {
	if len(gs) == 0 {
		return nil
	}
	out := make([]Expr, len(gs))
	for i, g := range gs {
		out[i] = c.expr(g)
	}
	return out
}

// postfix converts an operand's primary and its [i] and .f suffixes (prefixes are applied by
// the climber).
func (c *converter) postfix(g *gOperand) Expr {
	x := c.primary(g.Primary)
	for _, op := range g.Ops {
		if op.Index != nil {
			x = &Index{At: x.Pos(), X: x, Index: c.expr(op.Index)}
		} else {
			x = &Field{At: x.Pos(), X: x, Name: c.ident(op.Field)}
		}
	}
	return x
}

func (c *converter) primary(g *gPrimary) Expr {
	at := pos(g.Pos)
	switch {
	case g.Number != nil:
		return &NumberLit{At: at, Text: *g.Number}
	case g.String != nil:
		return &StringLit{At: at, Value: unquote(*g.String)}
	case g.Bool != nil:
		return &BoolLit{At: at, Value: strings.EqualFold(*g.Bool, "TRUE")}
	case g.Null:
		return &NullLit{At: at}
	case g.Interval != nil:
		u := g.Interval.Unit
		return &IntervalLit{At: at, Value: unquote(g.Interval.Value), Unit: strings.ToUpper(u.Name), UnitPos: pos(u.Pos)}
	case g.Case != nil:
		return c.caseExpr(at, g.Case)
	case g.Cast != nil:
		return &Cast{At: at, X: c.expr(g.Cast.X), Type: c.typeName(g.Cast.Type)}
	case g.TableArg != nil:
		return &TableArg{At: at, Name: c.ident(g.TableArg)}
	case g.Name != nil:
		return c.name(g.Name)
	}
	return c.expr(g.Paren)
}

func (c *converter) caseExpr(at Pos, g *gCase) *Case {
	e := &Case{At: at, Operand: c.exprOrNil(g.Operand), Else: c.exprOrNil(g.Else)}
	for _, w := range g.Whens {
		e.Whens = append(e.Whens, &When{At: pos(w.Pos), Cond: c.expr(w.Cond), Result: c.expr(w.Result)})
	}
	return e
}

// name converts a dotted name, a call or a typed literal.
func (c *converter) name(g *gName) Expr {
	id := c.nameIdent(g.Head, g.Parts)
	switch {
	case g.Call != nil:
		return c.call(id, g.Call)
	case g.Typed != nil:
		return c.typedLit(id, g)
	}
	return id
}

// nameIdent joins name parts into one Ident; a * part is an error here (t.* is handled by the
// select list).
func (c *converter) nameIdent(head *gIdent, parts []*gNamePart) *Ident {
	id := c.ident(head)
	for _, p := range parts {
		if p.Star {
			c.errorf(head.Pos, "expected a name after '.', found '*' (t.* is only allowed as a select item)")
			continue
		}
		name, quoted := c.identPart(p.Ident)
		id.Parts, id.Quoted = append(id.Parts, name), append(id.Quoted, quoted)
	}
	return id
}

// plainName returns id's single unquoted part in upper case, or "".
func plainName(id *Ident) string {
	if len(id.Parts) != 1 || id.Quoted[0] {
		return ""
	}
	return strings.ToUpper(id.Parts[0])
}

func (c *converter) typedLit(id *Ident, g *gName) Expr {
	t := plainName(id)
	if t != "TIMESTAMP" && t != "DATE" {
		c.errorf(g.Pos, "expected an operator or AS after %s, found string '%s' (only TIMESTAMP '...' and DATE '...' are typed literals)",
			id.String(), unquote(*g.Typed))
	}
	return &TypedLit{At: id.At, Type: t, Value: unquote(*g.Typed)}
}

// call converts f(...) including the special forms EXTRACT(unit FROM x),
// SUBSTRING(s FROM a [FOR b]) and DESCRIPTOR(cols).
func (c *converter) call(id *Ident, g *gCall) Expr {
	name := plainName(id)
	if g.From != nil {
		return c.fromCall(id, name, g)
	}
	e := &Call{At: id.At, Name: id, Star: g.Star, Distinct: g.Distinct, Over: c.over(g.Over)}
	if g.First != nil {
		e.Args = append([]Expr{c.expr(g.First)}, c.exprs(g.Rest)...)
	}
	if name == "DESCRIPTOR" && !e.Star && !e.Distinct && e.Over == nil {
		return c.descriptor(e)
	}
	return e
}

func (c *converter) fromCall(id *Ident, name string, g *gCall) Expr {
	if len(g.Rest) > 0 {
		c.errs.Add(c.expr(g.Rest[0]).Pos(), "expected ')' after the FROM form of %s, found ','", id.String())
	}
	switch name {
	case "EXTRACT":
		unit := ""
		if n := bareName(g.First); n != nil && len(n.Parts) == 0 && n.Head.Plain != nil {
			unit = strings.ToUpper(*n.Head.Plain)
		} else {
			c.errorf(g.First.Pos, "expected a unit (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, DOW) in EXTRACT")
		}
		return &Extract{At: id.At, Unit: unit, UnitPos: pos(g.First.Pos), X: c.expr(g.From)}
	case "SUBSTRING":
		args := []Expr{c.expr(g.First), c.expr(g.From)}
		if g.For != nil {
			args = append(args, c.expr(g.For))
		}
		return &Call{At: id.At, Name: id, Args: args, Distinct: g.Distinct, Over: c.over(g.Over)}
	}
	c.errorf(g.From.Pos, "expected ',' or ')' in the arguments of %s, found FROM (only EXTRACT and SUBSTRING take FROM)", id.String())
	return &Call{At: id.At, Name: id, Args: []Expr{c.expr(g.First), c.expr(g.From)}}
}

func (c *converter) descriptor(e *Call) Expr {
	d := &Descriptor{At: e.At}
	for _, a := range e.Args {
		id, ok := a.(*Ident)
		if !ok || len(id.Parts) != 1 {
			c.errs.Add(a.Pos(), "expected a column name in DESCRIPTOR, found %s", a.String())
			continue
		}
		d.Columns = append(d.Columns, id)
	}
	return d
}

func (c *converter) over(g *gOver) *Over {
	if g == nil {
		return nil
	}
	o := &Over{At: pos(g.Pos), PartitionBy: c.exprs(g.PartitionBy)}
	for _, it := range g.OrderBy {
		o.OrderBy = append(o.OrderBy, &OrderItem{At: pos(it.Pos), Expr: c.expr(it.Expr), Desc: strings.EqualFold(it.Dir, "DESC")})
	}
	return o
}
