// Package repl is Sluice's interactive SQL shell (`sluice repl`, or `sluice` alone on a
// terminal), in the habits of psql and the ksqlDB CLI.
//
// Statements run as they would in a query file, planned one at a time into one session:
// CREATE STREAM|TABLE declares a source; CREATE … AS SELECT, CREATE SINK and INSERT INTO start
// a persistent query in the background; a bare SELECT is a transient query whose rows are
// shown as they arrive until its bounded inputs end, its LIMIT is reached, or Ctrl-C; a
// statement naming `lake.<sink>` or `errors.<source>` runs on DuckDB over the lake. Lines
// starting with a backslash are meta commands (\help, \d, \timing, \format, \run, \q).
//
// Each query runs on its own (see job): the sub-DAG of its nodes and everything they read,
// from its sources' start (as ksqlDB with auto.offset.reset=earliest), with its own cancel.
// A query reading an in-process stream (CREATE STREAM … AS SELECT without a connector) runs
// that stream's operators itself; such a query alone runs nothing (state IN-PROCESS), as in
// `sluice run`. Rejected records of a source are written to its error_sink by the first
// persistent query reading it (for good when that query ended with its bounded input, until
// it stops otherwise); other queries count them, and a SELECT reports how many.
//
// On a terminal: line editing (Emacs keys, Up/Down and Ctrl-R history kept across sessions,
// Tab completion), multi-line statements ending at ';' outside strings and comments with the
// prompt "sluice> " then "   ...> " ("   ..'> " inside a string), Ctrl-C cancels the running
// SELECT or clears the input, Ctrl-D on an empty line quits. An error never ends the session.
// The rows of an EMIT CHANGES aggregate are appended as they change, marked in an `op` column:
// +I for a group's first row, +U for an update of a group shown before (Flink's notation).
//
// Without a terminal (`sluice repl < script.sql`, `sluice repl -e "…"`) there are no prompts,
// colours nor confirmations, output is plain (tables sized to their rows, JSON lines or CSV per
// \format), errors name the script's line and column, the first error ends the run with exit
// code 1, a lake query first waits for the persistent queries over bounded inputs (so that it
// reads what they wrote), and at the end of the input the REPL waits for the persistent queries
// the script started: they end with their bounded inputs, while one over an unbounded source
// keeps the REPL running until Ctrl-C (exit code 130).
package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/lake/duck"
	"github.com/sluicedata/sluice/planner"
)

// Options configure a REPL.
type Options struct {
	In       io.Reader // the statements
	Out, Err io.Writer
	// Interactive is a person at a terminal: prompts, line editing with history and tab
	// completion, Ctrl-C cancels the running SELECT, and an error does not end the session.
	// In must then be the terminal (os.Stdin).
	Interactive bool
	HistoryFile string // interactive only; "" keeps no history
	Lake        string // the lake root that lake.* and errors.* statements read
	BaseDir     string // relative paths resolve against it; default the working directory
	Format      string // table (default), json or csv
	Name        string // names the input in error positions of a script; default "<stdin>"
	Color       bool   // colour errors (interactive only)
}

// Exit codes of Run.
const (
	ExitOK          = 0
	ExitError       = 1   // a statement or a persistent query failed
	ExitInterrupted = 130 // Ctrl-C ended a non-interactive run
)

// Run reads and runs statements until \q or the end of the input and returns the exit code.
func Run(ctx context.Context, opts Options) int {
	s, err := newSession(ctx, opts)
	if err != nil {
		fmt.Fprintf(opts.Err, "sluice repl: %v\n", err)
		return ExitError
	}
	defer s.close()
	in, err := s.openInput()
	if err != nil {
		fmt.Fprintf(opts.Err, "sluice repl: %v\n", err)
		return ExitError
	}
	defer in.close()
	stopSignals := s.handleSignals()
	defer stopSignals()
	s.banner()
	return s.loop(in)
}

// session is one REPL: the planning session, the persistent queries and the output settings.
type session struct {
	opts     Options
	plan     *planner.Planner
	jobs     *jobs
	conns    *all.Registry
	out, err io.Writer
	format   string
	timing   bool
	lakeDB   *duck.DB
	pending  string   // the statement being typed
	at       position // where pending starts in the input
	lineNo   int      // lines read so far
	script   []string // the lines of a script, for showing where an error is
	failed   bool     // a statement failed (non-interactive runs stop)

	root       context.Context // cancelled by Ctrl-C in a non-interactive run
	cancelRoot context.CancelFunc
	fg         foreground
	notes      notices
}

func newSession(ctx context.Context, opts Options) (*session, error) {
	if opts.BaseDir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		opts.BaseDir = wd
	}
	if opts.Format == "" {
		opts.Format = formatTable
	}
	if opts.Name == "" {
		opts.Name = "<stdin>"
	}
	if !validFormat(opts.Format) {
		return nil, fmt.Errorf("unknown format %q (table, json or csv)", opts.Format)
	}
	s := &session{opts: opts, plan: planner.NewSession().WithSchemaResolver(all.ResolveSchema, opts.BaseDir), jobs: newJobs(), conns: all.New(), out: opts.Out, err: opts.Err,
		format: opts.Format}
	s.root, s.cancelRoot = context.WithCancel(ctx)
	s.notes.w = opts.Err
	return s, nil
}

func validFormat(f string) bool { return f == formatTable || f == formatJSON || f == formatCSV }

// setOutput points the session's output at the line editor's writers, which keep the prompt
// intact when a background query prints.
func (s *session) setOutput(out, err io.Writer) {
	s.out, s.err = out, err
	s.conns.Stdout = out
	s.notes.mu.Lock()
	s.notes.w = err
	s.notes.mu.Unlock()
}

func (s *session) close() {
	if s.lakeDB != nil {
		s.lakeDB.Close()
	}
	s.cancelRoot()
}

// registry is what persistent queries build their connectors with.
func (s *session) registry() connectors.Registry { return &registry{Registry: s.conns} }

// handleSignals routes Ctrl-C: on a terminal it cancels the running foreground statement
// (never the REPL nor the persistent queries); otherwise it ends the run.
func (s *session) handleSignals() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			case <-ch:
				if !s.opts.Interactive {
					s.cancelRoot()
				}
				s.fg.interrupt()
			}
		}
	})
	return func() {
		signal.Stop(ch)
		close(done)
		wg.Wait()
	}
}

func (s *session) banner() {
	if !s.opts.Interactive {
		return
	}
	fmt.Fprintf(s.out, "Sluice interactive SQL. Statements end with ';'. Type \\help for help, \\q to quit.\n"+
		"Lake: %s (SELECT … FROM lake.<sink> runs on DuckDB). Ctrl-C cancels a running SELECT.\n\n", s.opts.Lake)
}

// loop reads lines until \q or the end of the input.
func (s *session) loop(in input) int {
	for {
		line, err := in.readLine(s.prompt())
		switch {
		case errors.Is(err, errInterrupt):
			s.pending = ""
			continue
		case errors.Is(err, io.EOF):
			s.flushPending()
			return s.end()
		case err != nil:
			fmt.Fprintf(s.err, "sluice repl: %v\n", err)
			s.failed = true
			return s.end()
		}
		if quit := s.line(in, line); quit || s.stopping() {
			return s.end()
		}
	}
}

// stopping reports whether a non-interactive run must stop: a statement or a persistent query
// failed, or Ctrl-C.
func (s *session) stopping() bool {
	if s.opts.Interactive {
		return false
	}
	return s.failed || s.jobs.failed() > 0 || s.root.Err() != nil
}

// line handles one input line: a meta command when no statement is pending, else more of
// the statement being typed, running every statement it completes.
func (s *session) line(in input, line string) (quit bool) {
	s.lineNo++
	if !s.opts.Interactive {
		s.script = append(s.script, line)
	}
	if s.pending == "" {
		if cmd := strings.TrimSpace(line); strings.HasPrefix(cmd, `\`) {
			if !isQuit(cmd) {
				in.save(cmd)
			}
			return s.meta(cmd)
		}
		s.at = position{line: s.lineNo, col: 1}
	}
	text := s.pending + line + "\n"
	stmts, rest, _ := splitStatements(text)
	for _, p := range stmts {
		in.save(historyEntry(p.text))
		s.run(stmt{text: p.text, at: s.at.advance(text[:p.at])})
		if s.stopping() {
			return false
		}
	}
	s.pending, s.at = text[rest:], s.at.advance(text[:rest])
	if onlyNoise(s.pending) {
		s.pending = ""
	}
	return false
}

// flushPending runs a last statement left without its ';' at the end of the input.
func (s *session) flushPending() {
	if onlyNoise(s.pending) || s.stopping() {
		return
	}
	text := strings.TrimLeft(s.pending, " \t\r\n")
	at := s.at.advance(s.pending[:len(s.pending)-len(text)])
	s.pending = ""
	s.run(stmt{text: strings.TrimRight(text, " \t\r\n"), at: at})
}

// stmt is a statement of the input and where it starts.
type stmt struct {
	text string
	at   position
}

// run runs one statement, timed.
func (s *session) run(st stmt) {
	src := s.positioned(st)
	s.timed(func() error { return s.statement(st.text, src) }, src)
}

// positioned returns the text the parser reads for st, so that errors name the right place:
// in a script, the statement is moved to its line and column of the whole input; on a
// terminal, lines count from the statement's first line, as psql does.
func (s *session) positioned(st stmt) string {
	if s.opts.Interactive {
		return st.text
	}
	return strings.Repeat("\n", st.at.line-1) + strings.Repeat(" ", st.at.col-1) + st.text
}

// timed runs one statement, shows its error, and prints its time when \timing is on.
func (s *session) timed(run func() error, src string) {
	start := time.Now()
	err := run()
	if err != nil {
		s.showError(src, err)
		s.failed = true
	}
	if s.timing {
		fmt.Fprintf(s.out, "Time: %.3f ms\n", float64(time.Since(start).Microseconds())/1000)
	}
	s.notes.flush()
}

// end stops or waits for the persistent queries and returns the exit code.
func (s *session) end() int {
	switch {
	case s.opts.Interactive:
		if n := s.jobs.running(); n > 0 {
			fmt.Fprintf(s.out, "Stopping %d running %s.\n", n, plural(n, "query", "queries"))
		}
		s.jobs.stopAll()
	case s.failed || s.root.Err() != nil:
		s.jobs.stopAll()
	default:
		if n := s.jobs.unbounded(); n > 0 {
			fmt.Fprintf(s.err, "Waiting for %d persistent %s over unbounded sources (Ctrl-C stops).\n", n, plural(n, "query", "queries"))
		}
		s.jobs.wg.Wait() // a script's persistent queries run until their bounded inputs end
	}
	s.notes.flush()
	switch {
	case s.root.Err() != nil && !s.opts.Interactive:
		return ExitInterrupted
	case !s.opts.Interactive && (s.failed || s.jobs.failed() > 0):
		return ExitError
	}
	return ExitOK
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// say prints a confirmation on a terminal; scripts keep standard output for rows.
func (s *session) say(format string, args ...any) {
	if s.opts.Interactive {
		fmt.Fprintf(s.out, format+"\n", args...)
	}
}
