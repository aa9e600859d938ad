package parser

import (
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// converter turns grammar structs into AST nodes. Semantic checks that the grammar cannot
// express (a window's required parts, a duration's integer value, a known type name) are
// reported here, at the position of the offending node.
type converter struct {
	errs ErrorList
}

func pos(p lexer.Position) Pos { return Pos{File: p.Filename, Line: p.Line, Col: p.Column} }

func (c *converter) errorf(p lexer.Position, format string, args ...any) {
	c.errs.Add(pos(p), format, args...)
}

// ---------------------------------------------------------------------------------------------
// Statements

func (c *converter) statement(g *gStatement) Statement {
	at := pos(g.Pos)
	switch {
	case g.Create != nil:
		return c.create(at, g.Create)
	case g.Insert != nil:
		return &InsertInto{At: at, Target: c.ident(g.Insert.Target), Query: c.query(g.Insert.Query)}
	case g.Query != nil:
		return &SelectStatement{At: at, Query: c.query(g.Query)}
	case g.Show != nil:
		return &Show{At: at, What: strings.ToUpper(g.Show.What)}
	case g.Describe != nil:
		return &Describe{At: at, Name: c.ident(g.Describe)}
	case g.Explain != nil:
		return &Explain{At: at, Statement: c.statement(g.Explain)}
	case g.Drop != nil:
		d := g.Drop
		return &Drop{At: at, Kind: strings.ToUpper(d.Kind), IfExists: d.IfExists, Name: c.ident(d.Name)}
	case g.Set != nil:
		return c.set(at, g.Set)
	case g.Terminate != nil:
		return &Terminate{At: at, All: g.Terminate.All, Name: c.identOrNil(g.Terminate.Name)}
	}
	return nil
}

func (c *converter) set(at Pos, g *gSet) *Set {
	return &Set{At: at, Key: unquote(g.Key), Value: unquote(g.Value.Value),
		KeyPos: pos(g.Pos), ValuePos: pos(g.Value.Pos)}
}

func (c *converter) create(at Pos, g *gCreate) Statement {
	if g.Sink != nil {
		s := g.Sink
		return &CreateSink{At: at, IfNotExists: s.IfNotExists, Name: c.ident(s.Name),
			From: c.ident(s.From), With: c.options(s.With)}
	}
	isTable := strings.EqualFold(g.Kind, "TABLE")
	if g.As != nil {
		if g.HasElems {
			c.errorf(g.Name.Pos, "expected WITH or AS after the name of CREATE %s ... AS SELECT, "+
				"found a column list (the columns come from the query)", strings.ToUpper(g.Kind))
		}
		return &CreateAs{At: at, IsTable: isTable, IfNotExists: g.IfNotExists, Name: c.ident(g.Name),
			With: c.options(g.With), Query: c.query(g.As)}
	}
	cs := &CreateStream{At: at, IsTable: isTable, IfNotExists: g.IfNotExists, Name: c.ident(g.Name),
		With: c.options(g.With)}
	for _, e := range g.Elems {
		c.tableElem(cs, e)
	}
	return cs
}

func (c *converter) tableElem(cs *CreateStream, e *gTableElem) {
	switch {
	case e.Watermark != nil:
		if cs.Watermark != nil {
			c.errorf(e.Pos, "expected one WATERMARK clause, found a second one")
		}
		cs.Watermark = &Watermark{At: pos(e.Pos), Column: c.ident(e.Watermark.Column), Expr: c.expr(e.Watermark.Expr)}
	case e.PrimaryKey != nil:
		c.addPrimaryKey(cs, e.Pos, c.idents(e.PrimaryKey)...)
	case e.Column != nil:
		col := e.Column
		def := &ColumnDef{At: pos(col.Pos), Name: c.ident(col.Name), Type: c.typeName(col.Type), NotNull: col.NotNull}
		cs.Columns = append(cs.Columns, def)
		if col.PrimaryKey {
			c.addPrimaryKey(cs, col.Pos, &Ident{At: def.Name.At, Parts: def.Name.Parts, Quoted: def.Name.Quoted})
		}
	}
}

func (c *converter) addPrimaryKey(cs *CreateStream, p lexer.Position, keys ...*Ident) {
	if len(cs.PrimaryKey) > 0 {
		c.errorf(p, "expected one PRIMARY KEY, found a second one")
		return
	}
	cs.PrimaryKey = keys
}

func (c *converter) options(gs []*gOption) []*Option {
	var out []*Option
	for _, g := range gs {
		key := ""
		if g.KeyStr != nil {
			key = unquote(*g.KeyStr)
		} else {
			key = c.optionKey(g.Key)
		}
		at := pos(g.Pos)
		out = append(out, &Option{At: at, Key: key, KeyPos: at, Value: c.optValue(g.Value), ValPos: pos(g.Value.Pos)})
	}
	return out
}

// optionKey joins the parts of a dotted option name, reserved words lower-cased.
func (c *converter) optionKey(parts []*gOptKey) string {
	names := make([]string, len(parts))
	for i, p := range parts {
		if p.Word != nil {
			names[i] = strings.ToLower(*p.Word)
		} else {
			names[i] = c.ident(p.Ident).Name()
		}
	}
	return strings.Join(names, ".")
}

func joinParts(ids []*Ident) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = id.Name()
	}
	return strings.Join(parts, ".")
}

func (c *converter) optValue(g *gOptValue) Expr {
	at := pos(g.Pos)
	var v Expr
	switch {
	case g.Number != nil:
		v = &NumberLit{At: at, Text: *g.Number}
	case g.String != nil:
		v = &StringLit{At: at, Value: unquote(*g.String)}
	case g.Bool != nil:
		v = &BoolLit{At: at, Value: strings.EqualFold(*g.Bool, "TRUE")}
	default:
		v = c.ident(g.Ident)
	}
	if !g.Neg {
		return v
	}
	if n, ok := v.(*NumberLit); ok {
		n.At = c.shift(at, 1)
		return &Unary{At: at, Op: "-", X: n}
	}
	c.errorf(g.Pos, "expected a number after '-', found %s", v.String())
	return v
}

// shift is p moved right by n columns (for a token right after a one-character one; only
// used where no whitespace can intervene in canonical output).
func (c *converter) shift(p Pos, n int) Pos { p.Col += n; return p }

// ---------------------------------------------------------------------------------------------
// Identifiers

func (c *converter) ident(g *gIdent) *Ident {
	if g == nil || (g.Plain == nil && g.Quoted == nil && g.Back == nil) {
		return &Ident{}
	}
	name, quoted := c.identPart(g)
	return &Ident{At: pos(g.Pos), Parts: []string{name}, Quoted: []bool{quoted}}
}

func (c *converter) identOrNil(g *gIdent) *Ident {
	if g == nil {
		return nil
	}
	return c.ident(g)
}

func (c *converter) idents(gs []*gIdent) []*Ident {
	out := make([]*Ident, len(gs))
	for i, g := range gs {
		out[i] = c.ident(g)
	}
	return out
}

// identPart returns an identifier's name and whether it was quoted.
func (c *converter) identPart(g *gIdent) (string, bool) {
	var name string
	switch {
	case g.Plain != nil:
		return strings.ToLower(*g.Plain), false
	case g.Quoted != nil:
		name = unquoteWith(*g.Quoted, '"')
	default:
		name = unquoteWith(*g.Back, '`')
	}
	if name == "" {
		c.errorf(g.Pos, "expected an identifier, found an empty quoted name")
	}
	return name, true
}

// unquote strips a single-quoted string's quotes and undoubles inner quotes.
func unquote(s string) string { return unquoteWith(s, '\'') }

func unquoteWith(s string, q byte) string {
	if len(s) < 2 {
		return ""
	}
	inner := s[1 : len(s)-1]
	return strings.ReplaceAll(inner, string([]byte{q, q}), string(q))
}

// ---------------------------------------------------------------------------------------------
// Numbers and durations

func (c *converter) duration(g *gDuration) *Duration {
	if g == nil {
		return nil
	}
	d := &Duration{At: pos(g.Pos), Unit: strings.ToUpper(g.Unit.Name), UnitPos: pos(g.Unit.Pos)}
	text := ""
	if g.Interval != nil {
		d.Interval = true
		text = strings.TrimSpace(unquote(*g.Interval))
	} else {
		text = *g.Number
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil || v < 0 {
		c.errorf(g.Pos, "expected a whole, non-negative number of %s, found '%s'", strings.ToLower(d.Unit), text)
	}
	d.Value = v
	return d
}
