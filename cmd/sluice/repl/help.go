package repl

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/planner"
)

// statementHelp is the syntax of each statement, after SQL.md.
var statementHelp = map[string]string{
	"CREATE STREAM": `CREATE STREAM [IF NOT EXISTS] name (col TYPE [NOT NULL], ...
    [, WATERMARK FOR col AS col - INTERVAL 'n' SECOND])
  WITH (connector = 'file', path = '...', format = 'json' [, error_sink = 'file://dir/'] ...);
CREATE STREAM name [WITH (connector = ...)] AS SELECT ...;   -- a persistent query`,
	"CREATE TABLE": `CREATE TABLE name (col TYPE, ..., PRIMARY KEY (col)) WITH (...);   -- a changelog
CREATE TABLE name [WITH (connector = ...)] AS SELECT ... GROUP BY ...;   -- a persistent query`,
	"CREATE SINK": `CREATE SINK [IF NOT EXISTS] name FROM stream WITH (connector = 'file', path = 'lake/name',
  format = 'parquet', partition_by = 'dt,hour');`,
	"INSERT INTO": `INSERT INTO target SELECT ...;`,
	"SELECT": `SELECT cols FROM stream [JOIN other [WITHIN d] ON ...] [WHERE ...]
  [DEDUPLICATE BY k [WITHIN d]]
  [WINDOW TUMBLING (SIZE d [, GRACE PERIOD g]) | HOPPING (SIZE d, ADVANCE BY a) | SESSION (d)]
  [GROUP BY ...] [HAVING ...] [EMIT CHANGES | EMIT FINAL] [LIMIT n];
A bare SELECT shows its rows as they come (Ctrl-C stops it); FROM lake.<sink> or
errors.<source> runs on DuckDB over the lake.`,
	"SHOW":      `SHOW STREAMS | TABLES | SINKS | QUERIES;   -- QUERIES shows state and rows/s`,
	"DESCRIBE":  `DESCRIBE name;   (or \d name)`,
	"EXPLAIN":   `EXPLAIN statement;   -- the operator DAG it would add`,
	"DROP":      `DROP STREAM | TABLE | SINK [IF EXISTS] name;   -- stops the query writing it`,
	"TERMINATE": `TERMINATE query_id | ALL;`,
	"SET":       `SET 'key' = 'value';`,
}

// help answers \help: the statements and commands, or one statement's syntax, the functions,
// or the connectors and their options.
func (s *session) help(arg string) error {
	topic := strings.ToUpper(strings.Join(strings.Fields(arg), " "))
	switch {
	case topic == "":
		s.helpOverview()
	case topic == "FUNCTIONS":
		s.helpFunctions()
	case topic == "CONNECTORS":
		s.helpConnectors()
	default:
		return s.helpStatement(topic)
	}
	return nil
}

func (s *session) helpStatement(topic string) error {
	var found []string
	for _, k := range sortedKeys(statementHelp) {
		if strings.HasPrefix(k, topic) || strings.HasPrefix(topic, k) {
			found = append(found, statementHelp[k])
		}
	}
	if len(found) == 0 {
		return fmt.Errorf(`no help for %q: try \help, \help functions or \help connectors`, topic)
	}
	fmt.Fprintln(s.out, strings.Join(found, "\n\n"))
	return nil
}

func (s *session) helpOverview() {
	fmt.Fprintln(s.out, "Statements (end each with ';'; \\help NAME shows its syntax):")
	fmt.Fprintln(s.out, "  "+strings.Join(sortedKeys(statementHelp), ", "))
	fmt.Fprintln(s.out, "\nMeta commands:")
	cmds := metaCommands()
	for _, n := range sortedKeys(cmds) {
		fmt.Fprintf(s.out, "  %-28s %s\n", n+" "+cmds[n].args, cmds[n].help)
	}
	fmt.Fprintln(s.out, "\nAlso: \\help functions, \\help connectors. Keys: Tab completes, Up/Down and Ctrl-R search the history,\n"+
		"Ctrl-C cancels the running SELECT (or clears the input), Ctrl-D on an empty line quits.")
}

func (s *session) helpFunctions() {
	for _, f := range planner.Functions() {
		kind := ""
		if f.Agg {
			kind = " (aggregate)"
		}
		fmt.Fprintf(s.out, "  %s%s: %s\n", f.Signature(), kind, f.Doc)
	}
}

func (s *session) helpConnectors() {
	for _, sp := range connectors.Specs() {
		var names []string
		for _, o := range sp.Options {
			names = append(names, o.Name)
		}
		fmt.Fprintf(s.out, "  %s: %s\n    options: %s\n", sp.Name, sp.Doc, strings.Join(names, ", "))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
