package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/planner"
)

// runRun plans the files into one DAG and runs it until every bounded input has ended, an
// error stops it, or Ctrl-C cancels it.
func runRun(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: sluice run FILE…")
		return 2
	}
	session, output, err := planFiles(args)
	if err != nil {
		return printErrors(stderr, err)
	}
	for _, out := range output {
		fmt.Fprintln(stdout, out)
	}
	dag := session.DAG()
	if !hasSink(dag) {
		if len(output) == 0 {
			fmt.Fprintln(stderr, "sluice: nothing to run: the files declare streams but hold no query "+
				"(add a SELECT, CREATE … AS SELECT, INSERT INTO or CREATE SINK)")
		}
		return 0
	}
	return execute(dag, stdout, stderr)
}

func hasSink(dag *planner.DAG) bool {
	for _, n := range dag.Nodes {
		if _, ok := n.Op.(*planner.SinkOp); ok {
			return true
		}
	}
	return false
}

// execute runs the DAG with live progress on a terminal and a summary line at the end.
func execute(dag *planner.DAG, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	base, err := os.Getwd()
	if err != nil {
		return printErrors(stderr, err)
	}
	prog := newProgress(stderr)
	start := time.Now()
	stats, err := executor.Run(ctx, dag, executor.Options{Registry: registry(stdout), BaseDir: base, Progress: prog.update,
		ProgressInterval: 250 * time.Millisecond})
	prog.done()
	if stats != nil {
		fmt.Fprintln(stderr, summary(stats.Snapshot(), time.Since(start)))
	}
	switch {
	case ctx.Err() != nil && (err == nil || errors.Is(err, context.Canceled)):
		fmt.Fprintln(stderr, "sluice: interrupted")
		return 130
	case err != nil:
		fmt.Fprintf(stderr, "sluice: %v\n", err)
		return 1
	}
	return 0
}

// registry is the explicit list of connectors, writing stdout sinks to stdout.
func registry(stdout io.Writer) *all.Registry {
	reg := all.New()
	reg.Stdout = stdout
	return reg
}
