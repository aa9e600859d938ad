package planner

import (
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// insertInto plans INSERT INTO target SELECT ...: the target must exist and have a connector
// (a declared stream, or a query output or sink written through one). The select list's columns
// are matched to the target's by name, widened to their types (numeric widening only); target
// columns not selected are NULL, which a NOT NULL column refuses.
func (p *planner) insertInto(st *parser.InsertInto) {
	name := st.Target.Name()
	t, ok := p.cat.Lookup(name)
	if !ok {
		p.unknownName(st.Target.Pos(), "INSERT INTO: unknown stream or table %s%s", name, didYouMean(name, p.cat.Names()))
		return
	}
	if t.Connector == "" {
		p.errs.add(st.Target.Pos(), "INSERT INTO %s: it has no connector (an in-process stream is written only by its own query)", name)
		return
	}
	p.cat.inserts++
	id := "insert_" + name + "_" + itoa(p.cat.inserts)
	qp := p.planStatementQuery(st.Query, id, func(sel *lProject) *lProject { return p.matchTarget(sel, t, st) })
	if qp.out < 0 {
		return
	}
	w := &withClause{opts: sinkOptions(t.Connector, t.Options), at: map[string]*parser.Option{}, pos: st.Target.Pos()}
	conn := p.connector(w, false)
	if conn == "" {
		return
	}
	sink := p.addNode(id, &SinkOp{Sink: name, Connector: conn, Options: w.opts}, p.dag.Nodes[qp.out].Schema, qp.out)
	p.cat.queries = append(p.cat.queries, &Query{ID: id, SQL: st.String(), Reads: qp.reads, Writes: name, Nodes: append(qp.nodes, sink)})
}

// matchTarget rewrites the select list into the target's columns, in the target's order.
func (p *planner) matchTarget(sel *lProject, t *Entry, st *parser.InsertInto) *lProject {
	ts := t.Schema
	if len(ts.Fields) == 0 {
		return sel // the target's schema comes from its format at run time
	}
	exprs := make([]Expr, len(ts.Fields))
	pos := make([]parser.Pos, len(ts.Fields))
	for i, f := range sel.sch.Fields {
		j := fieldIndex(ts, f.Name)
		if j < 0 {
			p.errs.add(sel.pos[i], "INSERT INTO %s: it has no column %s%s", t.Name, f.Name, didYouMean(f.Name, ts.Names()))
			continue
		}
		want := ts.Fields[j].Type
		exprs[j], pos[j] = castTo(sel.exprs[i], want), sel.pos[i]
		if !assignable(f.Type, want) {
			p.errs.add(sel.pos[i], "INSERT INTO %s: column %s is %s, expected %s", t.Name, f.Name, f.Type, want)
		}
	}
	for j, f := range ts.Fields {
		if exprs[j] != nil {
			continue
		}
		if f.NotNull {
			p.errs.add(st.Query.Pos(), "INSERT INTO %s: no value for NOT NULL column %s", t.Name, f.Name)
		}
		exprs[j], pos[j] = &Literal{T: f.Type}, st.Query.Pos()
	}
	np := newProject(sel.in, exprs, ts.Names())
	np.root, np.pos = true, pos
	return np
}

// assignable reports whether a value of type from may be written into a column of type to:
// the same type, NULL, numeric widening (INT → BIGINT → DECIMAL → DOUBLE), or DATE → TIMESTAMP.
func assignable(from, to types.Type) bool {
	switch {
	case from.Equal(to), from.Kind == types.KindNull:
		return true
	case from.IsNumeric() && to.IsNumeric():
		return numRank(from.Kind) <= numRank(to.Kind)
	}
	return from.Kind == types.KindDate && to.Kind == types.KindTimestamp
}
