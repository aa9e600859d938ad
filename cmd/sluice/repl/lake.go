package repl

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/sluicedata/sluice/lake"
	"github.com/sluicedata/sluice/lake/duck"
)

// lakeSchemas are the DuckDB schemas over the lake: lake.<sink> and errors.<source>.
var lakeSchemas = []string{"lake", "errors"}

// readsLake reports whether src names a relation lake.<x> or errors.<x> (outside strings and
// comments), unless the session has a stream of that name (then `lake.col` is its column).
func (s *session) readsLake(src string) bool {
	for _, schema := range lakeSchemas {
		if _, ok := s.plan.Catalog().Lookup(schema); ok {
			continue
		}
		if qualifies(src, schema) {
			return true
		}
	}
	return false
}

// qualifies reports whether word, as a whole word in plain SQL, is followed by '.'.
func qualifies(src, word string) bool {
	cls, _ := classify(src)
	lower := strings.ToLower(src)
	for i := 0; i+len(word) < len(src); i++ {
		if cls[i] != inCode || lower[i:i+len(word)] != word || (i > 0 && isWordByte(src[i-1])) {
			continue
		}
		j := i + len(word)
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j < len(src) && src[j] == '.' {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '"'
}

// lakeQuery runs src on DuckDB over the lake, whose views are refreshed first so that what
// sinks wrote since the last query shows. A script (not a terminal) first waits for its
// persistent queries over bounded inputs, so that it reads what they wrote.
func (s *session) lakeQuery(src string) error {
	if !s.opts.Interactive {
		s.jobs.waitBounded()
	}
	db, err := s.lake()
	if err != nil {
		return err
	}
	var res *duck.Result
	interrupted, err := s.inForeground(func(ctx context.Context) (err error) {
		res, err = db.Query(ctx, src)
		return err
	})
	switch {
	case interrupted:
		fmt.Fprintln(s.err, "Query cancelled by Ctrl-C.")
		return nil
	case err != nil:
		return err
	}
	return s.writeResult(res)
}

// lake opens DuckDB over the lake on first use, and refreshes its views after.
func (s *session) lake() (*duck.DB, error) {
	if s.lakeDB != nil {
		return s.lakeDB, s.lakeDB.Refresh(s.root)
	}
	dir, err := lake.LocalPath(s.opts.Lake, s.opts.BaseDir)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("no lake at %s yet: write a sink there first (connector 'file' with partition_by, "+
			"or format 'parquet' into a folder), or start the REPL with --lake DIR", s.opts.Lake)
	}
	db, err := duck.Open(dir)
	if err != nil {
		return nil, err
	}
	s.lakeDB = db
	return db, nil
}

// writeResult prints a DuckDB answer in the session's format.
func (s *session) writeResult(res *duck.Result) error {
	switch s.format {
	case formatJSON:
		return res.WriteJSON(s.out)
	case formatCSV:
		return res.WriteCSV(s.out)
	}
	return res.WriteTable(s.out)
}
