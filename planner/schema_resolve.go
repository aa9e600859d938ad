package planner

import (
	"errors"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// schemaSource reads the columns of sources declared without a column list.
type schemaSource struct {
	resolve connectors.SchemaResolver
	baseDir string
}

// WithSchemaResolver lets the session read the columns of a source declared without a column
// list from its data (format parquet or avro: the command passes connectors/all.ResolveSchema,
// which reads the first file), relative paths resolved against baseDir ("" is the working
// directory). Without a resolver such a statement is a planning error. It returns s.
func (s *Planner) WithSchemaResolver(r connectors.SchemaResolver, baseDir string) *Planner {
	s.schemas = &schemaSource{resolve: r, baseDir: baseDir}
	return s
}

// PlanFileWith is PlanFile with a schema resolver (see WithSchemaResolver); r may be nil.
func PlanFileWith(name, src string, r connectors.SchemaResolver, baseDir string) (*DAG, error) {
	f, perr := parser.Parse(name, src)
	if f == nil {
		return nil, perr
	}
	s := NewSession()
	if r != nil {
		s.WithSchemaResolver(r, baseDir)
	}
	res, err := s.plan(f, perr != nil)
	if perr == nil && err == nil {
		return res.DAG, nil
	}
	return nil, mergeErrors(perr, err)
}

// sourceSchema is the schema of a declared source: its column list, or, without one, the
// columns its data carries (WATERMARK and PRIMARY KEY apply to them as to declared columns).
// It is nil when the columns could not be read: the error is reported at the statement, the
// source is not declared, and the names of the file's statements are not reported as unknown
// (as after a parse error), so that the one error is not buried under its consequences.
func (p *planner) sourceSchema(st *parser.CreateStream, conn string, w *withClause) *types.Schema {
	if len(st.Columns) > 0 {
		return p.declaredSchema(st)
	}
	errs := p.errs.count()
	s := &types.Schema{Fields: p.dataColumns(st, conn, w), TimeCol: -1}
	if p.errs.count() > errs && conn != "" {
		p.parseFailed = true
		return nil
	}
	if s.Fields == nil {
		return s
	}
	if st.Watermark != nil {
		p.watermark(s, st.Watermark)
	}
	if st.IsTable && len(st.PrimaryKey) == 0 {
		p.errs.add(st.Name.Pos(), "CREATE TABLE %s needs PRIMARY KEY (column, ...): write CREATE TABLE %s (PRIMARY KEY (k)) WITH (...)",
			st.Name.Name(), st.Name.Name())
	}
	p.primaryKey(s, st)
	return s
}

// dataColumns asks the resolver for the columns of a source without a column list; nil after
// an error (reported at the statement's name), and for sources accepted without columns: Avro
// with a schema_registry (whose schema comes with the data; SQL.md) and connectors whose
// resolver answers connectors.ErrSchemaDeferred.
func (p *planner) dataColumns(st *parser.CreateStream, conn string, w *withClause) []types.Field {
	name, format := st.Name.Name(), strings.ToLower(w.opts["format"])
	if format == "" {
		format = "json"
	}
	switch {
	case conn == "":
		return nil // the connector's error is reported
	case format == "avro" && w.opts["schema_registry"] != "":
		return nil // the registry's schema comes with the data: accepted without columns
	case format != "parquet" && format != "avro":
		p.errs.add(st.Name.Pos(), "%s: format %s needs a column list (only parquet and avro data carry their own schema)", name, format)
		return nil
	case p.schemas == nil:
		p.errs.add(st.Name.Pos(), "%s needs a column list here: this command plans without reading the %s data's schema", name, format)
		return nil
	}
	s, err := p.schemas.resolve(conn, w.opts, p.schemas.baseDir)
	if errors.Is(err, connectors.ErrSchemaDeferred) {
		return nil // accepted without columns: see connectors.ErrSchemaDeferred
	}
	if err != nil {
		p.errs.add(st.Name.Pos(), "%s: cannot read the columns from its %s data: %v; declare them (name TYPE, ...)", name, format, err)
		return nil
	}
	if len(s.Fields) == 0 {
		p.errs.add(st.Name.Pos(), "%s: its %s data has no column; declare the columns", name, format)
		return nil
	}
	return s.Fields
}
