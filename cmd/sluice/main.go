// Command sluice runs declarative SQL streaming queries: `sluice run FILE…`, `sluice explain`,
// `sluice validate`, and the other commands listed by `sluice help`.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand: its one-line summary and its entry point, which returns the process
// exit code.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands is the explicit list of subcommands.
func commands() map[string]command {
	return map[string]command{
		"help":       {"print this help", runHelp},
		"run":        {"run the queries of FILE… until their bounded inputs end (Ctrl-C stops)", runRun},
		"explain":    {"print the operator DAG of FILE… (--format dot for Graphviz)", runExplain},
		"validate":   {"parse and plan FILE…; print only errors, exit 1 on any", runValidate},
		"bench":      {"print events/s per core for JSON-file workloads (--events N, --only NAME)", runBench},
		"query":      {"answer SQL over the lake with DuckDB (--lake DIR, --format table|json|csv)", runQuery},
		"lake":       {"lake tools: ddl (--athena|--glue FILE.sql…), tables", runLake},
		"connectors": {"list every connector and its WITH options (--markdown for tables)", runConnectors},
		"functions":  {"list every scalar function and aggregate with its signature (--markdown for a table)", runFunctions},
		"repl":       {"interactive SQL shell (also `sluice` alone on a terminal; -e SQL or a piped script)", runRepl},
		"playground": {"run queries/kafka/pipeline.sql on an embedded Kafka broker with generated orders (--events N | --duration D)", runPlayground},
	}
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		if isTerminal(os.Stdin) && isTerminal(stdout) {
			return runRepl(nil, stdout, stderr)
		}
		return runHelp(nil, stdout, stderr)
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "sluice: unknown command %q (see 'sluice help')\n", args[0])
		return 2
	}
	return cmd.run(args[1:], stdout, stderr)
}

func runHelp(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintln(stdout, "usage: sluice COMMAND [ARGS]\n\ncommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(stdout, "  %-10s %s\n", n, cmds[n].summary)
	}
	return 0
}
