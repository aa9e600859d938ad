package repl

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/planner"
)

// keywords are completed at the start of a word that no context narrows.
var keywords = strings.Fields(`SELECT FROM WHERE GROUP BY HAVING WINDOW TUMBLING HOPPING SESSION SIZE ADVANCE GRACE
PERIOD GAP EMIT CHANGES FINAL LIMIT CREATE STREAM TABLE SINK AS WITH INSERT INTO DEDUPLICATE WITHIN JOIN
LEFT INNER ON SHOW STREAMS TABLES SINKS QUERIES DESCRIBE EXPLAIN DROP TERMINATE SET WATERMARK FOR INTERVAL
MILLISECONDS SECOND SECONDS MINUTE MINUTES HOUR HOURS DAY DAYS PRIMARY KEY NOT NULL AND OR IN BETWEEN LIKE
CASE WHEN THEN ELSE END CAST IS DISTINCT TRUE FALSE IF EXISTS ALL BOOLEAN INT BIGINT DOUBLE DECIMAL STRING
VARCHAR BYTES TIMESTAMP DATE ARRAY MAP STRUCT window_start window_end`)

// completer completes the word before the cursor: meta commands and their arguments, names
// after FROM / JOIN / INTO / DESCRIBE / DROP, query ids after TERMINATE, connector options
// inside WITH (...), and otherwise keywords, functions, stream names and column names.
type completer struct{ s *session }

// Do implements readline.AutoCompleter: it returns what each candidate adds to the word
// before the cursor, and the word's length.
func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	before := string(line[:pos])
	word := currentWord(before)
	var out [][]rune
	seen := map[string]bool{}
	for _, cand := range c.s.candidates(before[:len(before)-len(word)], word) {
		if len(cand) < len(word) || !strings.EqualFold(cand[:len(word)], word) || seen[cand] {
			continue
		}
		seen[cand] = true
		out = append(out, []rune(cand[len(word):]))
	}
	return out, len([]rune(word))
}

// currentWord is the run of name characters (and '.', '\', '/') that ends text.
func currentWord(text string) string {
	i := len(text)
	for i > 0 && isCompletable(text[i-1]) {
		i--
	}
	return text[i:]
}

func isCompletable(c byte) bool {
	return isWordByte(c) && c != '"' || c == '.' || c == '\\' || c == '/' || c == '-' || c == '\''
}

// candidates lists what may come at word, given the line before it (and the statement typed
// on the previous lines).
func (s *session) candidates(before, word string) []string {
	if s.pending == "" && strings.HasPrefix(strings.TrimSpace(before+word), `\`) {
		return s.metaCandidates(before, word)
	}
	toks := sqlTokens(s.pending + before)
	prev, prev2 := last(toks, 1), last(toks, 2)
	switch {
	case inWith(toks):
		return withCandidates(toks, prev, prev2)
	case prev == "FROM" || prev == "JOIN" || prev == "INTO" || prev == "DESCRIBE" ||
		prev2 == "DROP" && (prev == "STREAM" || prev == "TABLE" || prev == "SINK"):
		return append(s.entryNames(), s.lakeNames()...)
	case prev == "TERMINATE":
		return append(s.queryIDs(), "ALL")
	}
	return s.anyCandidates(word)
}

// anyCandidates are keywords and functions (in the case of the word typed so far), names,
// and columns (qualified by their stream when the word has a '.').
func (s *session) anyCandidates(word string) []string {
	lower := word != "" && strings.ToLower(word) == word
	var out []string
	for _, k := range keywords {
		out = append(out, casedAs(k, lower))
	}
	for _, f := range planner.Functions() {
		out = append(out, casedAs(strings.ToUpper(f.Name), lower)+"(")
	}
	out = append(out, s.entryNames()...)
	for _, e := range s.plan.Catalog().Entries() {
		if e.Schema == nil {
			continue
		}
		for _, f := range e.Schema.Fields {
			out = append(out, f.Name, e.Name+"."+f.Name)
		}
	}
	return append(out, s.lakeNames()...)
}

func casedAs(k string, lower bool) string {
	if lower {
		return strings.ToLower(k)
	}
	return k
}

func (s *session) entryNames() []string { return s.plan.Catalog().Names() }

func (s *session) queryIDs() []string {
	var out []string
	for _, q := range s.plan.Catalog().Queries() {
		out = append(out, q.ID)
	}
	return out
}

// lakeNames are the lake's views, once a lake query has opened DuckDB.
func (s *session) lakeNames() []string {
	if s.lakeDB == nil {
		return nil
	}
	var out []string
	for _, t := range s.lakeDB.Tables() {
		out = append(out, t.Schema+"."+t.Name)
	}
	return out
}

// metaCandidates completes a backslash command and its argument.
func (s *session) metaCandidates(before, word string) []string {
	fields := strings.Fields(before)
	if len(fields) == 0 {
		return metaNames()
	}
	switch canonicalMeta(fields[0]) {
	case `\format`:
		return []string{formatTable, formatJSON, formatCSV}
	case `\timing`:
		return []string{"on", "off"}
	case `\d`:
		return append(s.entryNames(), s.lakeNames()...)
	case `\help`:
		return append(sortedKeys(statementHelp), "functions", "connectors")
	case `\run`:
		return s.files(word)
	}
	return nil
}

// files lists the files and folders (with a trailing /) that word may name.
func (s *session) files(word string) []string {
	dir := filepath.Dir(word + "x")
	entries, err := os.ReadDir(s.path(dir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if dir != "." {
			name = filepath.Join(dir, name)
		}
		if e.IsDir() {
			name += "/"
		}
		out = append(out, name)
	}
	return out
}

// withCandidates completes inside WITH (...): option names where a key goes, connector
// names after `connector =`, formats after `format =`.
func withCandidates(toks []string, prev, prev2 string) []string {
	switch {
	case prev == "=" && prev2 == "CONNECTOR":
		return quoted(connectors.Names())
	case prev == "=" && prev2 == "FORMAT":
		return quoted([]string{"json", "csv", "avro", "parquet"})
	case prev == "(" || prev == ",":
		return optionNames(withConnector(toks))
	}
	return nil
}

func quoted(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "'" + n + "'"
	}
	return out
}

// optionNames lists the options of the connector named, or of every connector.
func optionNames(connector string) []string {
	names := map[string]bool{"connector": true}
	for _, sp := range connectors.Specs() {
		if connector != "" && !strings.EqualFold(sp.Name, connector) {
			continue
		}
		for _, o := range sp.Options {
			if !strings.Contains(o.Name, "*") {
				names[o.Name] = true
			}
		}
	}
	out := sortedKeys(names)
	sort.Strings(out)
	return out
}
