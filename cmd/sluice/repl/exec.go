package repl

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/planner"
)

// statement runs one statement: on DuckDB when it reads the lake, else planned into the
// session (SHOW QUERIES is answered here, with the states and rates of the running queries).
// src is text as the parser reads it (see positioned).
func (s *session) statement(text, src string) error {
	if s.readsLake(text) {
		return s.lakeQuery(text)
	}
	f, err := parser.Parse(s.inputName(), src)
	if err != nil {
		return err
	}
	if len(f.Statements) == 0 {
		return nil
	}
	if sh, ok := f.Statements[0].(*parser.Show); ok && sh.What == "QUERIES" {
		s.jobs.showQueries(s.out)
		return nil
	}
	return s.planAndRun(f)
}

// planAndRun plans f into the session, prints what its catalog statements answer, stops the
// queries it terminated or dropped, starts the persistent queries it added and runs its
// transient SELECTs one after the other.
func (s *session) planAndRun(f *parser.File) error {
	res, err := s.plan.Plan(f)
	if err != nil {
		return err
	}
	for _, out := range res.Output {
		io.WriteString(s.out, strings.TrimRight(out, "\n")+"\n")
	}
	s.reconcile()
	s.confirmSources(f)
	for _, q := range res.NewQueries {
		if !q.Transient {
			s.startQuery(q)
		}
	}
	for _, q := range res.NewQueries {
		if q.Transient {
			if err := s.transient(q); err != nil {
				return err
			}
		}
	}
	return nil
}

// reconcile stops the jobs whose queries left the session (TERMINATE, DROP).
func (s *session) reconcile() {
	keep := map[string]bool{}
	for _, q := range s.plan.Catalog().Queries() {
		keep[q.ID] = true
	}
	s.jobs.stop(keep)
}

// confirmSources says what a CREATE STREAM|TABLE declared (on a terminal only: scripts keep
// standard output for rows).
func (s *session) confirmSources(f *parser.File) {
	if !s.opts.Interactive {
		return
	}
	for _, st := range f.Statements {
		if cs, ok := st.(*parser.CreateStream); ok {
			kind := map[bool]string{false: "stream", true: "table"}[cs.IsTable]
			fmt.Fprintf(s.out, "Created %s %s\n", kind, cs.Name.Name())
		}
	}
}

// startQuery runs a persistent query in the background.
func (s *session) startQuery(q *planner.Query) {
	dag, _ := subDAG(s.plan.DAG(), q.Nodes)
	j := s.jobs.start(s.root, q, dag, s.jobOptions, s.jobEnded)
	if !s.opts.Interactive {
		return
	}
	if state, _, _, _ := j.status(); state == stateInProcess {
		fmt.Fprintf(s.out, "Created query %s (in-process: it runs inside the queries that read %s)\n", q.ID, q.Writes)
		return
	}
	fmt.Fprintf(s.out, "Started query %s (SHOW QUERIES for its progress, TERMINATE %s to stop it)\n", q.ID, q.ID)
}

func (s *session) jobOptions(j *job) executor.Options {
	logf := func(format string, args ...any) { s.notes.add("query "+j.id+": "+format, args...) }
	if j.quiet {
		logf = func(string, ...any) {}
	}
	return executor.Options{Registry: s.registry(), BaseDir: s.opts.BaseDir, ProgressInterval: time.Second, Logf: logf}
}

// jobEnded tells the user that a background query finished or failed.
func (s *session) jobEnded(j *job) {
	state, smp, _, _ := j.status()
	switch {
	case state == stateFailed:
		s.notes.add("%s: query %s failed: %v", s.errorLabel(), j.id, j.err)
	case state == stateDone && s.opts.Interactive:
		s.notes.add("Query %s is done: %d rows in, %d rows out.", j.id, smp.in, smp.out)
	}
}

// transient runs a bare SELECT in the foreground, rendering its rows as they come, and then
// takes it out of the session.
func (s *session) transient(q *planner.Query) error {
	defer s.forget(q.ID)
	dag, _ := subDAG(s.plan.DAG(), q.Nodes)
	withoutErrorSink(dag, func(string) bool { return false }) // persistent queries write them
	var key *changelog
	if cols, ok := changelogKey(dag); ok && s.format == formatTable {
		key = newChangelog(cols)
	}
	rows := newRowWriter(s.format, s.opts.Interactive, s.out, sinkNode(dag).Schema, key)
	opts := executor.Options{Registry: &registry{Registry: s.conns, rows: rows}, BaseDir: s.opts.BaseDir,
		Logf: func(string, ...any) {}}
	var stats *executor.Stats
	interrupted, err := s.inForeground(func(ctx context.Context) (err error) {
		stats, err = executor.Run(ctx, dag, opts)
		return err
	})
	if err != nil && !interrupted {
		return err
	}
	if interrupted && s.opts.Interactive {
		io.WriteString(s.out, "\n") // after the terminal's ^C
	}
	n := rows.finish()
	s.transientFooter(interrupted, n, stats)
	return nil
}

// transientFooter says that Ctrl-C ended the query, and how many records its sources
// rejected (they are counted, not written: the error sinks belong to persistent queries).
func (s *session) transientFooter(interrupted bool, n int, stats *executor.Stats) {
	if interrupted {
		fmt.Fprintf(s.err, "Query terminated by Ctrl-C after %d %s.\n", n, plural(n, "row", "rows"))
	}
	if stats == nil {
		return
	}
	snap := stats.Snapshot()
	var parts []string
	total := int64(0)
	for _, r := range snap.Reasons() {
		parts = append(parts, fmt.Sprintf("%d %s", snap.Errors[r], r))
		total += snap.Errors[r]
	}
	if total > 0 {
		fmt.Fprintf(s.err, "%d %s rejected (%s).\n", total, plural(int(total), "record", "records"), strings.Join(parts, ", "))
	}
}

// forget takes a finished transient query out of the session.
func (s *session) forget(id string) {
	if f, err := parser.Parse("", "TERMINATE "+id+";"); err == nil {
		s.plan.Plan(f)
	}
}

// inputName is the file name of error positions: none on a terminal (LINE n counts from the
// statement), the script's name otherwise.
func (s *session) inputName() string {
	if s.opts.Interactive {
		return ""
	}
	return s.opts.Name
}
