package planner

import (
	"maps"

	"github.com/sluicedata/sluice/parser"
)

// Planner is a planning session: it plans statements one file (or one REPL line) at a time into
// a growing catalog and DAG. `sluice run` plans a whole file; the REPL plans each statement as it
// is typed. (It is not called Session: that name is the SESSION window kind of physical.go.)
type Planner struct {
	cat      *Catalog
	dag      *DAG
	settings map[string]string
	schemas  *schemaSource // reads the columns of sources without a column list (schema_resolve.go)
}

// Result is what planning a file produced: the DAG of every query planned so far in the
// session, the text printed by the catalog statements (SHOW, DESCRIBE, EXPLAIN, SET, DROP,
// TERMINATE) in statement order, and the queries this call added.
type Result struct {
	DAG        *DAG
	Output     []string
	NewQueries []*Query
}

// NewSession returns an empty session.
func NewSession() *Planner {
	return &Planner{cat: newCatalog(), dag: &DAG{}, settings: map[string]string{}}
}

// Catalog returns the session's catalog (read it, don't change it).
func (s *Planner) Catalog() *Catalog { return s.cat }

// DAG returns the DAG of the queries planned so far.
func (s *Planner) DAG() *DAG { return s.dag }

// Settings returns the values given by SET statements.
func (s *Planner) Settings() map[string]string { return maps.Clone(s.settings) }

// Plan plans every statement of f. On error it returns every problem of the file (a
// parser.ErrorList, one "file:line:col: message" per line, in source order) and leaves the
// session as it was: a file is planned whole or not at all.
func (s *Planner) Plan(f *parser.File) (*Result, error) {
	return s.plan(f, false)
}

// plan plans f; parseFailed says some statements of the file did not parse, so that a name
// they would have declared is not reported as unknown where it is used.
func (s *Planner) plan(f *parser.File, parseFailed bool) (*Result, error) {
	p := &planner{cat: s.cat.clone(), dag: &DAG{Nodes: append([]*Node(nil), s.dag.Nodes...)}, errs: &errSink{},
		settings: maps.Clone(s.settings), parseFailed: parseFailed, schemas: s.schemas}
	before := len(p.cat.queries)
	res := &Result{}
	for _, st := range f.Statements {
		if out := p.statement(st); out != "" {
			res.Output = append(res.Output, out)
		}
	}
	if p.errs.count() > 0 {
		p.errs.list.Sort()
		return nil, p.errs.list
	}
	s.cat, s.dag, s.settings = p.cat, p.dag, p.settings
	res.DAG = s.dag
	res.NewQueries = append(res.NewQueries, p.cat.queries[min(before, len(p.cat.queries)):]...)
	return res, nil
}

// PlanFile parses and plans a whole file into one DAG. The error lists every parse and planning
// problem of the file, one "file:line:col: message" per line: planning errors are reported for
// the statements that parsed.
func PlanFile(name, src string) (*DAG, error) {
	return PlanFileWith(name, src, nil, "")
}

// mergeErrors combines parse and planning errors into one list in source order.
func mergeErrors(errs ...error) error {
	var out parser.ErrorList
	for _, err := range errs {
		switch e := err.(type) {
		case nil:
		case parser.ErrorList:
			out = append(out, e...)
		case *parser.Error:
			out = append(out, e)
		default:
			return err
		}
	}
	out.Sort()
	return out.Err()
}

// statement plans one statement and returns the text it prints, if any.
func (p *planner) statement(st parser.Statement) string {
	switch st := st.(type) {
	case *parser.CreateStream:
		p.createSource(st)
	case *parser.CreateAs:
		p.createAs(st)
	case *parser.InsertInto:
		p.insertInto(st)
	case *parser.CreateSink:
		p.createSink(st)
	case *parser.SelectStatement:
		p.transientSelect(st)
	default:
		return p.catalogStatement(st)
	}
	return ""
}

func (p *planner) catalogStatement(st parser.Statement) string {
	switch st := st.(type) {
	case *parser.Show:
		return p.show(st)
	case *parser.Describe:
		return p.describe(st)
	case *parser.Explain:
		return p.explain(st)
	case *parser.Drop:
		return p.drop(st)
	case *parser.Set:
		return p.set(st)
	case *parser.Terminate:
		return p.terminateStmt(st)
	}
	p.errs.add(st.Pos(), "unsupported statement %s", st)
	return ""
}

// explain answers EXPLAIN <statement>: the statement is planned on a copy of the session (it
// changes nothing) and the operators it adds, with everything they read, are printed.
func (p *planner) explain(st *parser.Explain) string {
	switch st.Statement.(type) {
	case *parser.CreateStream, *parser.CreateAs, *parser.InsertInto, *parser.CreateSink, *parser.SelectStatement:
	default:
		p.errs.add(st.Statement.Pos(), "EXPLAIN expects a query or a CREATE / INSERT statement, found %s", st.Statement)
		return ""
	}
	sub := &planner{cat: p.cat.clone(), dag: &DAG{Nodes: append([]*Node(nil), p.dag.Nodes...)}, errs: p.errs,
		settings: maps.Clone(p.settings), schemas: p.schemas}
	before, errs := len(sub.dag.Nodes), p.errs.count()
	sub.statement(st.Statement)
	if cs, ok := st.Statement.(*parser.CreateStream); ok {
		if e, ok := sub.cat.Lookup(cs.Name.Name()); ok {
			sub.entryNode(e)
		}
	}
	if p.errs.count() > errs {
		return ""
	}
	var added []int
	for id := before; id < len(sub.dag.Nodes); id++ {
		added = append(added, id)
	}
	return Explain(SubDAG(sub.dag, added))
}
