// Package duck answers SQL over a Sluice lake with embedded DuckDB. It is the only package that
// compiles cgo; nothing else in Sluice imports it except cmd/sluice.
//
// Over a lake root, every sink whose manifest (`_sluice/manifest.json`) lies under the root is a
// view `lake.<sink>` (read_parquet / read_json with Hive partitioning, union_by_name, and the
// manifest's column order and types), and every error-sink folder `errors/<source>/` is a view
// `errors.<source>`. DuckDB runs offline: extensions are never downloaded or auto-loaded.
package duck

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/sluicedata/sluice/lake"
	"github.com/sluicedata/sluice/types"
)

// DB is an in-memory DuckDB database with views over a lake.
type DB struct {
	db     *sql.DB
	root   string
	tables []Table
}

// Table is one view the DB made.
type Table struct {
	Schema string // lake or errors
	Name   string
	Dir    string // the folder it reads
	Files  int    // data files found when the view was made
}

// Open makes the views over the lake at root: a folder, a file:// URI, or s3:// (which returns
// lake.ErrS3NotYet until the S3 connector lands).
func Open(root string) (*DB, error) {
	dir, err := lake.LocalPath(root, mustWd())
	if err != nil {
		return nil, err
	}
	db, err := openDuck()
	if err != nil {
		return nil, err
	}
	d := &DB{db: db, root: dir}
	if err := d.makeViews(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return d, nil
}

func mustWd() string {
	wd, _ := os.Getwd()
	return wd
}

// openDuck opens an in-memory DuckDB that never downloads nor auto-loads extensions and runs in
// UTC. One connection keeps session settings in force for every query.
func openDuck() (*sql.DB, error) {
	ext := filepath.Join(os.TempDir(), "sluice-duckdb-extensions")
	if dir, err := os.UserCacheDir(); err == nil {
		ext = filepath.Join(dir, "sluice", "duckdb-extensions")
	}
	q := url.Values{}
	q.Set("extension_directory", ext)
	q.Set("autoinstall_known_extensions", "false")
	q.Set("autoload_known_extensions", "false")
	connector, err := duckdb.NewConnector("?"+q.Encode(), nil)
	if err != nil {
		return nil, fmt.Errorf("duckdb: %w", err)
	}
	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("SET TimeZone = 'UTC'"); err != nil {
		db.Close()
		return nil, fmt.Errorf("duckdb: %w", err)
	}
	return db, nil
}

// Tables lists the views, lake sinks first, by name.
func (d *DB) Tables() []Table { return d.tables }

// Root is the lake's folder.
func (d *DB) Root() string { return d.root }

// Close releases the database.
func (d *DB) Close() error { return d.db.Close() }

// Query runs sql (several statements may be separated by ';'; the last one's rows are
// returned) and converts the rows to Sluice values.
func (d *DB) Query(ctx context.Context, query string) (*Result, error) {
	rows, err := d.db.QueryContext(ctx, query)
	if err != nil {
		return nil, cleanError(err)
	}
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, cleanError(err)
	}
	res := &Result{}
	for _, ct := range cts {
		res.Columns = append(res.Columns, ct.Name())
		res.DuckDB = append(res.DuckDB, ct.DatabaseTypeName())
		res.Types = append(res.Types, SluiceType(ct.DatabaseTypeName()))
	}
	if err := scanAll(rows, res); err != nil {
		return nil, cleanError(err)
	}
	return res, nil
}

func scanAll(rows *sql.Rows, res *Result) error {
	n := len(res.Columns)
	raw := make([]any, n)
	ptrs := make([]any, n)
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		row := make([]any, n)
		for c, v := range raw {
			row[c] = toValue(res.Types[c], v)
		}
		res.Rows = append(res.Rows, row)
	}
	return rows.Err()
}

// cleanError strips the driver's wrapping so DuckDB's own message shows plainly.
func cleanError(err error) error {
	var de *duckdb.Error
	if errors.As(err, &de) {
		return errors.New(strings.TrimSpace(de.Msg))
	}
	return err
}

// columnsOf returns the SQL types of a manifest's columns.
func columnsOf(m *lake.Manifest) ([]types.Field, error) {
	s, err := m.Schema()
	if err != nil {
		return nil, err
	}
	return s.Fields, nil
}
