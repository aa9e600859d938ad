package repl

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/planner"
)

// metaCommand is one backslash command.
type metaCommand struct {
	args string
	help string
	run  func(s *session, arg string) error
}

// metaCommands is the list of backslash commands, in the habits of psql.
func metaCommands() map[string]metaCommand {
	return map[string]metaCommand{
		`\help`:   {"[STATEMENT]", "list the statements, or show the syntax of one (\\help SELECT, \\help functions)", (*session).help},
		`\d`:      {"[NAME]", "list streams, tables and sinks, or describe one's columns (lake.NAME too)", (*session).describe},
		`\timing`: {"[on|off]", "show how long each statement took", (*session).setTiming},
		`\format`: {"[table|json|csv]", "how rows are printed", (*session).setFormat},
		`\run`:    {"FILE", "plan and run a query file in this session", (*session).runFile},
		`\q`:      {"", "quit (running queries are stopped)", nil},
	}
}

// metaAliases are other spellings psql users type.
var metaAliases = map[string]string{`\?`: `\help`, `\h`: `\help`, `\i`: `\run`, `\quit`: `\q`, `\include`: `\run`}

func canonicalMeta(name string) string {
	if a, ok := metaAliases[name]; ok {
		return a
	}
	return name
}

func isQuit(line string) bool {
	return canonicalMeta(strings.Fields(line)[0]) == `\q`
}

// meta runs a backslash command and reports whether it asks to quit.
func (s *session) meta(line string) (quit bool) {
	name, arg, _ := strings.Cut(line, " ")
	name, arg = canonicalMeta(name), strings.TrimSpace(arg)
	if name == `\q` {
		return true
	}
	cmd, ok := metaCommands()[name]
	switch {
	case !ok:
		s.showError(line, fmt.Errorf("invalid command %s: try \\help", name))
		s.failed = true
	case name == `\run`:
		s.timed(func() error { return cmd.run(s, arg) }, line)
	default:
		if err := cmd.run(s, arg); err != nil {
			s.showError(line, err)
			s.failed = true
		}
	}
	return false
}

func (s *session) setTiming(arg string) error {
	switch strings.ToLower(arg) {
	case "":
		s.timing = !s.timing
	case "on":
		s.timing = true
	case "off":
		s.timing = false
	default:
		return fmt.Errorf(`\timing: expected on or off, found %q`, arg)
	}
	s.say("Timing is %s.", map[bool]string{true: "on", false: "off"}[s.timing])
	return nil
}

func (s *session) setFormat(arg string) error {
	arg = strings.ToLower(arg)
	switch {
	case arg == "":
	case validFormat(arg):
		s.format = arg
	default:
		return fmt.Errorf(`\format: expected table, json or csv, found %q`, arg)
	}
	s.say("Output format is %s.", s.format)
	return nil
}

// describe answers \d (every stream, table and sink) and \d NAME (DESCRIBE NAME, or DuckDB's
// DESCRIBE for lake.NAME and errors.NAME).
func (s *session) describe(arg string) error {
	if arg == "" {
		s.listEntries()
		return nil
	}
	src := "DESCRIBE " + arg + ";"
	if s.readsLake(src) {
		return s.lakeQuery(src)
	}
	f, err := parser.Parse("", src)
	if err != nil {
		return err
	}
	return s.planAndRun(f)
}

func (s *session) listEntries() {
	t := newTable([]string{"NAME", "KIND", "ORIGIN", "CONNECTOR", "FORMAT", "COLUMNS"},
		[]bool{false, false, false, false, false, true})
	var rows [][]string
	for _, e := range s.plan.Catalog().Entries() {
		rows = append(rows, []string{e.Name, strings.ToLower(e.Kind.String()), entryOrigin(e), orDash(e.Connector),
			orDash(e.Options["format"]), fmt.Sprint(columnCount(e))})
	}
	t.writeAll(s.out, rows)
}

func entryOrigin(e *planner.Entry) string {
	switch {
	case e.Source:
		return "source"
	case e.From != "":
		return "from " + e.From
	}
	return "query " + e.Query
}

func columnCount(e *planner.Entry) int {
	if e.Schema == nil {
		return 0
	}
	return len(e.Schema.Fields)
}

// runFile plans a whole query file into the session (all of it or nothing, as `sluice run`
// does), starts its persistent queries and runs its SELECTs one after the other.
func (s *session) runFile(arg string) error {
	if arg == "" {
		return fmt.Errorf(`\run: expected a file name`)
	}
	src, err := os.ReadFile(s.path(arg))
	if err != nil {
		return err
	}
	f, err := parser.Parse(arg, string(src))
	if err != nil {
		_, err = planner.PlanFileWith(arg, string(src), all.ResolveSchema, s.opts.BaseDir) // parse and planning errors together
		return err
	}
	return s.planAndRun(f)
}

// metaNames lists the commands and aliases, for completion.
func metaNames() []string {
	var out []string
	for n := range metaCommands() {
		out = append(out, n)
	}
	for n := range metaAliases {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
