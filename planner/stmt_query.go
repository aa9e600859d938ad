package planner

import (
	"github.com/sluicedata/sluice/parser"
)

// queryPlan is a planned and built query.
type queryPlan struct {
	out   int // the node producing the query's rows (-1 when it was not built)
	nodes []int
	reads []string
	sch   *lProject // the select list (for INSERT INTO matching)
	root  lnode
}

// planStatementQuery plans a statement's query, applies the rewrite rules and adds its nodes to
// the DAG. adjust, when set, rewrites the select list first (INSERT INTO column matching). The
// query is not built when it (or a stream it reads) had errors.
func (p *planner) planStatementQuery(q *parser.Select, name string, adjust func(*lProject) *lProject) *queryPlan {
	p.reads = nil
	before := p.errs.count()
	plan := p.planQuery(q)
	qp := &queryPlan{out: -1, reads: p.reads}
	if plan == nil {
		return qp
	}
	sel := selectList(plan)
	sel.root = true
	if adjust != nil {
		plan = replaceSelect(plan, adjust(sel))
	}
	qp.root, qp.sch = plan, selectList(plan)
	if p.errs.count() > before || readsFailed(plan) {
		return qp
	}
	b := p.newBuilder(name)
	qp.out = b.build(optimize(plan))
	qp.nodes = b.created
	return qp
}

// selectList finds the statement's select list below LIMIT.
func selectList(n lnode) *lProject {
	if l, ok := n.(*lLimit); ok {
		return selectList(l.in)
	}
	return n.(*lProject)
}

func replaceSelect(n lnode, sel *lProject) lnode {
	if l, ok := n.(*lLimit); ok {
		return &lLimit{in: replaceSelect(l.in, sel), n: l.n}
	}
	return sel
}

// readsFailed reports whether the plan reads an entry whose own query failed to plan.
func readsFailed(n lnode) bool {
	if s, ok := n.(*lScan); ok {
		return !s.entry.Source && s.entry.Node < 0
	}
	for _, k := range n.children() {
		if readsFailed(k) {
			return true
		}
	}
	return false
}

// createAs plans CREATE STREAM|TABLE name [WITH (connector=...)] AS SELECT: a persistent query
// whose output is readable by name in-process and, with a connector, also written by a sink.
func (p *planner) createAs(st *parser.CreateAs) {
	name := st.Name.Name()
	if !p.checkNewName(st.Name, st.IfNotExists) {
		return
	}
	var w *withClause
	conn := ""
	if len(st.With) > 0 {
		w = p.readWith(st.With, st.Pos())
		conn = p.connector(w, false)
	}
	qp := p.planStatementQuery(st.Query, name, nil)
	e := &Entry{Name: name, Kind: StreamEntry, Node: qp.out, Sink: -1, Query: name, Pos: st.Pos(), SQL: st.String()}
	if st.IsTable {
		e.Kind = TableEntry
	}
	if qp.sch != nil {
		e.Schema = qp.sch.sch
	}
	if qp.out >= 0 {
		e.Schema = p.dag.Nodes[qp.out].Schema
	}
	if w != nil {
		e.Connector, e.Options = conn, w.opts
	}
	if e.Schema != nil {
		p.cat.add(e)
	}
	if qp.out < 0 {
		return
	}
	nodes := qp.nodes
	if conn != "" {
		e.Sink = p.addNode(name, &SinkOp{Sink: name, Connector: conn, Options: w.opts}, e.Schema, qp.out)
		nodes = append(nodes, e.Sink)
	}
	p.cat.queries = append(p.cat.queries, &Query{ID: name, SQL: st.String(), Reads: qp.reads, Writes: name, Nodes: nodes})
}

// transientSelect plans a bare SELECT: its rows go to standard output as JSON lines.
func (p *planner) transientSelect(st *parser.SelectStatement) {
	p.cat.selects++
	id := "select_" + itoa(p.cat.selects)
	qp := p.planStatementQuery(st.Query, id, nil)
	if qp.out < 0 {
		return
	}
	opts := map[string]string{"format": "json"}
	sink := p.addNode(id, &SinkOp{Sink: "stdout", Connector: "stdout", Options: opts}, p.dag.Nodes[qp.out].Schema, qp.out)
	p.cat.queries = append(p.cat.queries, &Query{ID: id, SQL: st.String(), Reads: qp.reads, Nodes: append(qp.nodes, sink), Transient: true})
}

// createSink plans CREATE SINK name FROM stream WITH (connector=...).
func (p *planner) createSink(st *parser.CreateSink) {
	name := st.Name.Name()
	if !p.checkNewName(st.Name, st.IfNotExists) {
		return
	}
	w := p.readWith(st.With, st.Pos())
	conn := p.connector(w, false)
	from := st.From.Name()
	src, ok := p.cat.Lookup(from)
	switch {
	case !ok:
		p.unknownName(st.From.Pos(), "unknown stream or table %s%s", from, didYouMean(from, p.readableNames()))
		return
	case !src.Readable():
		p.errs.add(st.From.Pos(), "%s is a sink, not readable: read its input %s instead", from, src.From)
		return
	}
	e := &Entry{Name: name, Kind: SinkEntry, Schema: src.Schema, Connector: conn, Options: w.opts, Node: -1, Sink: -1,
		Query: name, From: from, Pos: st.Pos(), SQL: st.String()}
	p.cat.add(e)
	in := p.entryNode(src)
	if conn == "" || in < 0 {
		return
	}
	e.Sink = p.addNode(name, &SinkOp{Sink: name, Connector: conn, Options: w.opts}, src.Schema, in)
	p.cat.queries = append(p.cat.queries, &Query{ID: name, SQL: st.String(), Reads: []string{from}, Writes: name, Nodes: []int{e.Sink}})
}
