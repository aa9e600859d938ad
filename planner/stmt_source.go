package planner

import (
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// createSource declares a stream or table read through a connector.
func (p *planner) createSource(st *parser.CreateStream) {
	name := st.Name.Name()
	if !p.checkNewName(st.Name, st.IfNotExists) {
		return
	}
	kind := StreamEntry
	if st.IsTable {
		kind = TableEntry
	}
	w := p.readWith(st.With, st.Pos())
	conn := p.connector(w, true)
	s := p.sourceSchema(st, conn, w) // schema_resolve.go: the column list, or the data's columns
	if s == nil {
		return // its columns could not be read: reported, and queries over it are not
	}
	p.cat.add(&Entry{Name: name, Kind: kind, Schema: s, Connector: conn, Options: w.opts, Source: true,
		Node: -1, Sink: -1, Pos: st.Pos(), SQL: st.String()})
}

// checkNewName reports whether a new entry may be called id: an existing name is an error,
// unless IF NOT EXISTS (then the statement is skipped silently).
func (p *planner) checkNewName(id *parser.Ident, ifNotExists bool) bool {
	e, exists := p.cat.Lookup(id.Name())
	if !exists {
		return true
	}
	if !ifNotExists {
		p.errs.add(id.Pos(), "%s %s already exists (created at %s)", e.Kind, e.Name, e.Pos)
	}
	return false
}

// declaredSchema builds the schema of a declared source: columns, WATERMARK and PRIMARY KEY.
func (p *planner) declaredSchema(st *parser.CreateStream) *types.Schema {
	s := &types.Schema{TimeCol: -1}
	for _, c := range st.Columns {
		name := c.Name.Last()
		if fieldIndex(s, name) >= 0 {
			p.errs.add(c.Name.Pos(), "column %s is declared twice", name)
		}
		s.Fields = append(s.Fields, types.Field{Name: name, Type: p.resolveType(c.Type), NotNull: c.NotNull})
	}
	if st.Watermark != nil {
		p.watermark(s, st.Watermark)
	}
	p.primaryKey(s, st)
	return s
}

// watermark reads WATERMARK FOR ts AS ts [- INTERVAL 'n' UNIT]: event time on column ts with
// the given delay.
func (p *planner) watermark(s *types.Schema, wm *parser.Watermark) {
	col := wm.Column.Last()
	i := fieldIndex(s, col)
	if i < 0 {
		p.errs.add(wm.Column.Pos(), "WATERMARK FOR %s: unknown column%s", col, didYouMean(col, s.Names()))
		return
	}
	if s.Fields[i].Type.Kind != types.KindTimestamp {
		p.errs.add(wm.Column.Pos(), "WATERMARK FOR %s: the event-time column must be TIMESTAMP, found %s", col, s.Fields[i].Type)
		return
	}
	delay, ok := p.watermarkDelay(col, wm.Expr)
	if !ok {
		return
	}
	s.EventTime, s.TimeCol, s.Delay = true, i, delay
}

func (p *planner) watermarkDelay(col string, e parser.Expr) (int64, bool) {
	if id, ok := e.(*parser.Ident); ok && id.Last() == col && len(id.Parts) == 1 {
		return 0, true
	}
	if b, ok := e.(*parser.Binary); ok && b.Op == "-" {
		id, okL := b.L.(*parser.Ident)
		iv, okR := b.R.(*parser.IntervalLit)
		if okL && okR && len(id.Parts) == 1 && id.Last() == col {
			ms, msg := durationMs(iv.Value, iv.Unit)
			if msg != "" {
				p.errs.add(iv.UnitPos, "%s", msg)
				return 0, false
			}
			if ms < 0 {
				p.errs.add(iv.Pos(), "watermark delay must not be negative")
				return 0, false
			}
			return ms, true
		}
	}
	p.errs.add(e.Pos(), "expected WATERMARK FOR %s AS %s - INTERVAL 'n' UNIT (or AS %s), found %s", col, col, col, e)
	return 0, false
}

// fieldIndex finds a column by its exact (stored) name.
func fieldIndex(s *types.Schema, name string) int {
	for i, f := range s.Fields {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// primaryKey sets the key of a table; a table needs one, a stream may not have one.
func (p *planner) primaryKey(s *types.Schema, st *parser.CreateStream) {
	if !st.IsTable {
		if len(st.PrimaryKey) > 0 {
			p.errs.add(st.PrimaryKey[0].Pos(), "PRIMARY KEY applies to CREATE TABLE; a stream has no key")
		}
		return
	}
	if len(st.PrimaryKey) == 0 && len(st.Columns) > 0 {
		p.errs.add(st.Name.Pos(), "CREATE TABLE %s needs PRIMARY KEY (column, ...)", st.Name.Name())
	}
	for _, k := range st.PrimaryKey {
		i := fieldIndex(s, k.Last())
		if i < 0 {
			p.errs.add(k.Pos(), "PRIMARY KEY: unknown column %s%s", k.Last(), didYouMean(k.Last(), s.Names()))
			continue
		}
		s.Key = append(s.Key, i)
	}
}
