package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/sluicedata/sluice/cmd/sluice/repl"
)

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, "\n") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// runRepl opens the interactive SQL shell: `sluice repl [--lake DIR] [--format F] [-e SQL]…`.
// On a terminal it edits lines with history (~/.sluice_history, or $SLUICE_HISTORY) and tab
// completion; with standard input from a file or pipe, or with -e, it runs the statements with
// plain output and exits non-zero on the first error (see package repl).
func runRepl(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("repl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lakeRoot := fs.String("lake", defaultLake(), "lake root that lake.* and errors.* read ($SLUICE_LAKE, default ./lake)")
	format := fs.String("format", "table", "how rows are printed: table, json (JSON lines) or csv")
	var exprs stringList
	fs.Var(&exprs, "e", "run these statements (may be repeated) instead of reading standard input")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `usage: sluice repl [--lake DIR] [--format table|json|csv] [-e "SQL"]…`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	opts := repl.Options{In: os.Stdin, Out: stdout, Err: stderr, Lake: *lakeRoot, Format: *format}
	if len(exprs) > 0 {
		opts.In, opts.Name = strings.NewReader(strings.Join(exprs, "\n")+"\n"), "-e"
	} else if isTerminal(os.Stdin) && isTerminal(stdout) {
		opts.Interactive, opts.HistoryFile, opts.Color = true, historyFile(), colorWanted()
	}
	return repl.Run(context.Background(), opts)
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// historyFile is $SLUICE_HISTORY, else ~/.sluice_history ("" when there is no home).
func historyFile() string {
	if v := os.Getenv("SLUICE_HISTORY"); v != "" {
		return v
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".sluice_history")
}

// colorWanted follows the NO_COLOR convention and dumb terminals.
func colorWanted() bool {
	return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}
