package planner

import (
	"github.com/sluicedata/sluice/parser"
)

// planFrom plans the FROM clause: a stream, table or WITH name, a derived table, or a join.
// It returns nil when it cannot (the error is recorded).
func (p *planner) planFrom(t parser.TableExpr, at parser.Pos) (lnode, *scope) {
	switch t := t.(type) {
	case nil:
		p.errs.add(at, "expected FROM <stream> in a streaming query, found none")
	case *parser.TableName:
		return p.planTableName(t)
	case *parser.Subquery:
		return p.planDerived(t)
	case *parser.Join:
		return p.planJoin(t)
	case *parser.TableFunc:
		p.errs.add(t.Pos(), "table function %s is not supported: use FROM stream WINDOW TUMBLING|HOPPING|SESSION (...)", t.Name.Name())
	}
	return nil, nil
}

// planTableName reads a WITH name or a catalog entry by name.
func (p *planner) planTableName(t *parser.TableName) (lnode, *scope) {
	name := t.Name.Name()
	qual := name
	if t.Alias != nil {
		qual = t.Alias.Name()
	}
	if c := p.lookupCTE(name); c != nil {
		return c.plan, scopeOf(c.plan.schema(), qual)
	}
	e, ok := p.cat.Lookup(name)
	if !ok {
		p.unknownName(t.Name.Pos(), "unknown stream or table %s%s", name, didYouMean(name, append(p.readableNames(), p.cteNames()...)))
		return nil, nil
	}
	if !e.Readable() {
		p.errs.add(t.Name.Pos(), "%s is a sink, not readable: read its input %s instead", name, e.From)
		return nil, nil
	}
	if !contains(p.reads, name) {
		p.reads = append(p.reads, name)
	}
	return &lScan{entry: e}, scopeOf(e.Schema, qual)
}

func (p *planner) readableNames() []string {
	var out []string
	for _, e := range p.cat.Entries() {
		if e.Readable() {
			out = append(out, e.Name)
		}
	}
	return out
}

// planDerived plans a derived table (SELECT ...) AS alias; its columns are named by the alias.
func (p *planner) planDerived(t *parser.Subquery) (lnode, *scope) {
	plan := p.planQuery(t.Query)
	if plan == nil {
		return nil, nil
	}
	qual := ""
	if t.Alias != nil {
		qual = t.Alias.Name()
	}
	return plan, scopeOf(plan.schema(), qual)
}
