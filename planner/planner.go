package planner

import (
	"github.com/sluicedata/sluice/parser"
)

// planner plans the statements of a session into its catalog and DAG.
type planner struct {
	cat      *Catalog
	dag      *DAG
	errs     *errSink
	settings map[string]string
	ctes     []map[string]*cte // WITH frames, innermost last
	reads    []string          // entries read by the query being planned

	parseFailed bool          // some statements of the file did not parse: unknown names are not reported
	schemas     *schemaSource // reads the columns of sources without a column list, or nil
}

// unknownName reports a name that is not in the catalog, unless it may belong to a statement
// that did not parse.
func (p *planner) unknownName(pos parser.Pos, format string, args ...any) {
	if !p.parseFailed {
		p.errs.add(pos, format, args...)
	}
}

// cte is a named subquery of a WITH clause, planned once and inlined where it is read.
type cte struct {
	plan lnode
}

func (p *planner) pushCTEs(list []*parser.CTE) {
	frame := map[string]*cte{}
	p.ctes = append(p.ctes, frame)
	for _, c := range list {
		name := c.Name.Name()
		if _, dup := frame[name]; dup {
			p.errs.add(c.Name.Pos(), "WITH names %s twice", name)
		}
		if plan := p.planQuery(c.Query); plan != nil {
			frame[name] = &cte{plan: plan}
		}
	}
}

func (p *planner) popCTEs() { p.ctes = p.ctes[:len(p.ctes)-1] }

// lookupCTE finds a WITH name, innermost frame first.
func (p *planner) lookupCTE(name string) *cte {
	for i := len(p.ctes) - 1; i >= 0; i-- {
		if c, ok := p.ctes[i][name]; ok {
			return c
		}
	}
	return nil
}

func (p *planner) cteNames() []string {
	var out []string
	for _, f := range p.ctes {
		for n := range f {
			out = append(out, n)
		}
	}
	return out
}
