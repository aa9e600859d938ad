package planner

import (
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/parser"
)

// drop answers DROP STREAM|TABLE|SINK [IF EXISTS] name. An entry other queries read cannot be
// dropped; the query writing it, if any, is terminated with it.
func (p *planner) drop(st *parser.Drop) string {
	name := st.Name.Name()
	e, ok := p.cat.Lookup(name)
	if !ok {
		if !st.IfExists {
			p.errs.add(st.Name.Pos(), "DROP %s: unknown %s %s%s", st.Kind, strings.ToLower(st.Kind), name, didYouMean(name, p.cat.Names()))
		}
		return ""
	}
	if e.Kind.String() != st.Kind {
		p.errs.add(st.Name.Pos(), "%s is a %s: write DROP %s %s", name, e.Kind, e.Kind, name)
		return ""
	}
	if rs := p.otherReaders(name, e.Query); len(rs) > 0 {
		p.errs.add(st.Name.Pos(), "cannot drop %s: it is read by %s (TERMINATE or DROP those first)", name, strings.Join(rs, ", "))
		return ""
	}
	if e.Query != "" {
		p.terminate(e.Query)
	} else if e.Node >= 0 {
		p.removeNodes(map[int]bool{e.Node: true})
	}
	p.cat.remove(name)
	return "Dropped " + strings.ToLower(e.Kind.String()) + " " + name + "\n"
}

// otherReaders lists the queries other than self that read name.
func (p *planner) otherReaders(name, self string) []string {
	var out []string
	for _, q := range p.cat.readers(name) {
		if q != self {
			out = append(out, q)
		}
	}
	return out
}

// terminateStmt answers TERMINATE query_id | ALL.
func (p *planner) terminateStmt(st *parser.Terminate) string {
	var ids []string
	if st.All {
		for _, q := range p.cat.queries {
			ids = append(ids, q.ID)
		}
	} else if q, _ := p.cat.query(st.Name.Name()); q != nil {
		ids = []string{q.ID}
	} else {
		p.errs.add(st.Name.Pos(), "TERMINATE: unknown query %s%s", st.Name.Name(), didYouMean(st.Name.Name(), p.queryIDs()))
		return ""
	}
	var out strings.Builder
	for i := len(ids) - 1; i >= 0; i-- { // readers before the queries they read
		if p.canTerminate(ids[i], st, st.All) {
			p.terminate(ids[i])
			out.WriteString("Terminated query " + ids[i] + "\n")
		}
	}
	return out.String()
}

func (p *planner) queryIDs() []string {
	var out []string
	for _, q := range p.cat.queries {
		out = append(out, q.ID)
	}
	return out
}

// canTerminate refuses to stop a query whose output other queries still read in-process.
func (p *planner) canTerminate(id string, st *parser.Terminate, all bool) bool {
	q, _ := p.cat.query(id)
	e, ok := p.cat.Lookup(q.Writes)
	if !ok || e.Query != id || all {
		return true
	}
	if rs := p.otherReaders(e.Name, id); len(rs) > 0 {
		p.errs.add(st.Pos(), "cannot terminate %s: its output %s is read by %s", id, e.Name, strings.Join(rs, ", "))
		return false
	}
	return true
}

// terminate removes a query and its nodes. What it wrote stays readable when it has a connector
// (it is read back through the connector as a source), else it goes with the query.
func (p *planner) terminate(id string) {
	q, i := p.cat.query(id)
	if q == nil {
		return
	}
	p.cat.queries = append(p.cat.queries[:i:i], p.cat.queries[i+1:]...)
	if e, ok := p.cat.Lookup(q.Writes); ok && e.Query == id {
		switch {
		case e.Kind == SinkEntry || e.Connector == "":
			p.cat.remove(e.Name)
		default:
			e.Source, e.Node, e.Sink, e.Query = true, -1, -1, ""
			e.Options = sideOptions(e.Connector, e.Options, connectors.SinkOnly)
		}
	}
	dead := map[int]bool{}
	for _, n := range q.Nodes {
		dead[n] = true
	}
	p.removeNodes(dead)
}
