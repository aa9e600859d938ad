package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/sluicedata/sluice/planner"
)

// runFunctions prints every scalar function and aggregate with its signature, from the planner's
// function table; `--markdown` prints the README's tables.
func runFunctions(args []string, stdout, stderr io.Writer) int {
	markdown := len(args) == 1 && args[0] == "--markdown"
	if len(args) > 0 && !markdown {
		fmt.Fprintln(stderr, "usage: sluice functions [--markdown]")
		return 2
	}
	if markdown {
		fmt.Fprint(stdout, "| function | kind | arguments | meaning |\n|---|---|---|---|\n")
	}
	for _, f := range planner.Functions() {
		kind := "scalar"
		if f.Agg {
			kind = "aggregate"
		}
		if markdown {
			fmt.Fprintf(stdout, "| `%s` | %s | %s | %s |\n", strings.ToUpper(f.Name), kind, f.Signature(), strings.ReplaceAll(f.Doc, "|", `\|`))
		} else {
			fmt.Fprintf(stdout, "%-60s %-9s %s\n", f.Signature(), kind, f.Doc)
		}
	}
	return 0
}
