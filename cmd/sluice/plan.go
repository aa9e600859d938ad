package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/planner"
)

// planFiles parses and plans the files, in order, into one session, so that a stream declared in
// one file can be read in the next. The error lists every problem of every file, one
// "file:line:col: message" per line.
func planFiles(paths []string) (*planner.Planner, []string, error) {
	session := planner.NewSession().WithSchemaResolver(all.ResolveSchema, "") // parquet/avro streams without columns
	var output []string
	var errs []error
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out, err := planOne(session, path, string(src))
		output = append(output, out...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return session, output, errors.Join(errs...)
}

// planOne plans one file into the session. When the file does not parse, PlanFile reports its
// parse errors together with the planning errors of the statements that did parse.
func planOne(session *planner.Planner, path, src string) ([]string, error) {
	f, err := parser.Parse(path, src)
	if err != nil {
		_, err = planner.PlanFileWith(path, src, all.ResolveSchema, "")
		return nil, err
	}
	res, err := session.Plan(f)
	if err != nil {
		return nil, err
	}
	return res.Output, nil
}

// printErrors prints every error line and returns exit code 1.
func printErrors(w io.Writer, err error) int {
	fmt.Fprintln(w, err)
	return 1
}

// runValidate parses and plans the files and prints only errors.
func runValidate(args []string, _, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: sluice validate FILE…")
		return 2
	}
	if _, _, err := planFiles(args); err != nil {
		return printErrors(stderr, err)
	}
	return 0
}

// runExplain prints the operator DAG of the files as a tree, or as Graphviz with --format dot.
func runExplain(args []string, stdout, stderr io.Writer) int {
	format := "text"
	if len(args) >= 2 && args[0] == "--format" {
		format, args = args[1], args[2:]
	}
	if len(args) == 0 || (format != "text" && format != "dot") {
		fmt.Fprintln(stderr, "usage: sluice explain [--format text|dot] FILE…")
		return 2
	}
	session, _, err := planFiles(args)
	if err != nil {
		return printErrors(stderr, err)
	}
	if format == "dot" {
		fmt.Fprint(stdout, planner.ExplainDot(session.DAG()))
	} else {
		fmt.Fprint(stdout, planner.Explain(session.DAG()))
	}
	return 0
}
