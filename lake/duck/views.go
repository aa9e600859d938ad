package duck

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sluicedata/sluice/lake"
	"github.com/sluicedata/sluice/types"
)

// makeViews creates schemas lake and errors and one view per sink and error folder.
func (d *DB) makeViews(ctx context.Context) error {
	if st, err := os.Stat(d.root); err != nil || !st.IsDir() {
		return fmt.Errorf("lake %s: not a folder", d.root)
	}
	if _, err := d.db.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS lake; CREATE SCHEMA IF NOT EXISTS errors"); err != nil {
		return cleanError(err)
	}
	sinks, err := findSinks(ctx, d.root)
	if err != nil {
		return err
	}
	for _, s := range sinks {
		if err := d.sinkView(ctx, s); err != nil {
			return err
		}
	}
	return d.errorViews(ctx)
}

// sinkDir is a sink folder and its manifest.
type sinkDir struct {
	dir string
	m   *lake.Manifest
}

// findSinks walks root for sink folders (those holding a manifest), not descending into them.
func findSinks(ctx context.Context, root string) ([]sinkDir, error) {
	var out []sinkDir
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return err
		}
		if _, serr := os.Stat(filepath.Join(p, filepath.FromSlash(lake.ManifestKey))); serr != nil {
			return nil
		}
		st, _ := lake.NewLocalStore(p)
		m, err := lake.ReadManifest(ctx, st, "")
		if err != nil {
			return err
		}
		out = append(out, sinkDir{dir: p, m: m})
		return filepath.SkipDir
	})
	sort.Slice(out, func(i, j int) bool { return out[i].m.Sink < out[j].m.Sink })
	return out, err
}

// sinkView creates `lake.<sink>`; a second sink of the same name is named after its folder.
func (d *DB) sinkView(ctx context.Context, s sinkDir) error {
	name := s.m.Sink
	if d.hasTable("lake", name) || name == "" {
		rel, _ := filepath.Rel(d.root, s.dir)
		name = strings.NewReplacer("/", "_", "\\", "_").Replace(rel)
	}
	files := countFiles(s.dir, s.m.Ext)
	body, err := sinkSelect(s.dir, s.m, files > 0)
	if err != nil {
		return fmt.Errorf("lake view %s: %w", name, err)
	}
	q := "CREATE OR REPLACE VIEW lake." + quoteIdent(name) + " AS " + body
	if _, err := d.db.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("lake view %s: %w", name, cleanError(err))
	}
	d.tables = append(d.tables, Table{Schema: "lake", Name: name, Dir: s.dir, Files: files})
	return nil
}

func (d *DB) hasTable(schema, name string) bool {
	for _, t := range d.tables {
		if t.Schema == schema && strings.EqualFold(t.Name, name) {
			return true
		}
	}
	return false
}

// countFiles counts the visible data files (ext) under dir.
func countFiles(dir, ext string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ext) && !lake.IsTemp(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			n++
		}
		return nil
	})
	return n
}

// viewColumn is one column of a sink view.
type viewColumn struct {
	name      string
	t         types.Type
	partition bool // read from the folder names
}

// viewColumns lists the manifest's columns in order, then the derived partition levels.
func viewColumns(m *lake.Manifest) ([]viewColumn, error) {
	fields, err := columnsOf(m)
	if err != nil {
		return nil, err
	}
	part := map[string]bool{}
	for _, p := range m.PartitionBy {
		part[p.Name] = true
	}
	var out []viewColumn
	for _, f := range fields {
		out = append(out, viewColumn{name: f.Name, t: f.Type, partition: part[f.Name]})
	}
	for _, p := range m.PartitionBy {
		if p.Derived != "" {
			out = append(out, viewColumn{name: p.Name, t: types.String, partition: true})
		}
	}
	return out, nil
}

// sinkSelect is the SELECT behind a sink's view: the reader over its files, or an empty
// relation of the right columns when there is no file yet.
func sinkSelect(dir string, m *lake.Manifest, hasFiles bool) (string, error) {
	cols, err := viewColumns(m)
	if err != nil {
		return "", err
	}
	list := make([]string, len(cols))
	if !hasFiles {
		for i, c := range cols {
			list[i] = "CAST(NULL AS " + DuckType(c.t) + ") AS " + quoteIdent(c.name)
		}
		return "SELECT " + strings.Join(list, ", ") + " WHERE false", nil
	}
	for i, c := range cols {
		list[i] = quoteIdent(c.name)
		if c.t.Kind == types.KindBytes && m.Format != "parquet" && !c.partition {
			list[i] = "from_base64(" + quoteIdent(c.name) + ") AS " + quoteIdent(c.name)
		}
	}
	reader, err := readerCall(dir, m, cols)
	return "SELECT " + strings.Join(list, ", ") + " FROM " + reader, err
}

// readerCall is the table function reading a sink's files with Hive partitioning.
func readerCall(dir string, m *lake.Manifest, cols []viewColumn) (string, error) {
	glob := quoteString(filepath.ToSlash(filepath.Join(dir, "**", "*"+m.Ext)))
	hive := "hive_partitioning = true, union_by_name = true"
	if ht := hiveTypes(cols); ht != "" {
		hive += ", hive_types = " + ht
	}
	switch m.Format {
	case "parquet":
		return "read_parquet(" + glob + ", " + hive + ")", nil
	case "json":
		return "read_json(" + glob + ", format = 'newline_delimited', " + hive + ", columns = " + fileColumns(cols) + ")", nil
	case "csv":
		return "read_csv(" + glob + ", header = true, " + hive + ", columns = " + fileColumns(cols) + ")", nil
	}
	return "", fmt.Errorf("format %q cannot be queried", m.Format)
}

// hiveTypes is the hive_types struct literal of the partition columns.
func hiveTypes(cols []viewColumn) string {
	var parts []string
	for _, c := range cols {
		if c.partition {
			parts = append(parts, quoteString(c.name)+": "+quoteString(DuckType(c.t)))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// fileColumns is the columns struct literal of the columns held in JSON or CSV files (BYTES as
// base64 text).
func fileColumns(cols []viewColumn) string {
	var parts []string
	for _, c := range cols {
		if c.partition {
			continue
		}
		t := DuckType(c.t)
		if c.t.Kind == types.KindBytes {
			t = "VARCHAR"
		}
		parts = append(parts, quoteString(c.name)+": "+quoteString(t))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// errorColumns are the fields of an error record (SQL.md).
const errorColumns = `{'source': 'VARCHAR', 'reason': 'VARCHAR', 'message': 'VARCHAR', 'position': 'VARCHAR', 'raw': 'VARCHAR', 'raw_base64': 'VARCHAR', 'at': 'TIMESTAMPTZ'}`

// errorViews creates `errors.<source>` for every folder errors/<source>/ holding records.
func (d *DB) errorViews(ctx context.Context) error {
	base := filepath.Join(d.root, "errors")
	entries, err := os.ReadDir(base)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		dir := filepath.Join(base, e.Name())
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || countFiles(dir, ".jsonl")+countFiles(dir, ".json") == 0 {
			continue
		}
		glob := quoteString(filepath.ToSlash(filepath.Join(dir, "**", "*.json*")))
		// ignore_errors skips a line still being written; it reads as all NULL, hence the filter.
		q := "CREATE OR REPLACE VIEW errors." + quoteIdent(e.Name()) + " AS SELECT * FROM read_json(" + glob +
			", format = 'newline_delimited', ignore_errors = true, columns = " + errorColumns + ") WHERE reason IS NOT NULL"
		if _, err := d.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("errors view %s: %w", e.Name(), cleanError(err))
		}
		d.tables = append(d.tables, Table{Schema: "errors", Name: e.Name(), Dir: dir})
	}
	return nil
}
