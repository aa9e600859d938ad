package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sluicedata/sluice/lake/duck"
)

// defaultLake is the lake root of `sluice query` and `sluice lake tables`: $SLUICE_LAKE, else
// ./lake.
func defaultLake() string {
	if v := os.Getenv("SLUICE_LAKE"); v != "" {
		return v
	}
	return "lake"
}

// runQuery answers SQL over the lake with DuckDB: `sluice query [--lake DIR] [--format
// table|json|csv] "SQL"` (SQL from standard input when absent or "-"). Every sink folder under
// the root is a view lake.<sink>, every error folder errors/<source>/ a view errors.<source>.
func runQuery(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("query", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("lake", defaultLake(), "lake root: a folder or file:// URI ($SLUICE_LAKE, default ./lake)")
	format := fs.String("format", "table", "output: table, json (JSON lines) or csv")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `usage: sluice query [--lake DIR] [--format table|json|csv] "SQL"`)
		fs.PrintDefaults()
	}
	positional, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	write, ok := map[string]func(*duck.Result, io.Writer) error{
		"table": (*duck.Result).WriteTable, "json": (*duck.Result).WriteJSON, "csv": (*duck.Result).WriteCSV,
	}[*format]
	if !ok {
		fmt.Fprintf(stderr, "sluice query: unknown --format %q (table, json or csv)\n", *format)
		return 2
	}
	sql, err := querySQL(positional)
	if err != nil {
		fmt.Fprintf(stderr, "sluice query: %v\n", err)
		return 2
	}
	return execQuery(*root, sql, func(r *duck.Result) error { return write(r, stdout) }, stderr)
}

// parseInterleaved parses flags placed before or after the positional arguments (`sluice query
// "SQL" --format json`); a lone "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional, args = append(positional, rest[0]), rest[1:]
	}
}

// querySQL joins the arguments, or reads standard input when there are none or "-".
func querySQL(args []string) (string, error) {
	sql := strings.Join(args, " ")
	if sql == "" || sql == "-" {
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			return "", err
		}
		sql = string(b)
	}
	if strings.TrimSpace(sql) == "" {
		return "", fmt.Errorf(`no SQL given (usage: sluice query [--lake DIR] "SQL")`)
	}
	return sql, nil
}

func execQuery(root, sql string, write func(*duck.Result) error, stderr io.Writer) int {
	db, err := duck.Open(root)
	if err != nil {
		fmt.Fprintf(stderr, "sluice query: %v\n", err)
		return 1
	}
	defer db.Close()
	res, err := db.Query(context.Background(), sql)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := write(res); err != nil {
		fmt.Fprintf(stderr, "sluice query: %v\n", err)
		return 1
	}
	return 0
}
