package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/lake"
	"github.com/sluicedata/sluice/lake/duck"
	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// runLake dispatches `sluice lake ddl` and `sluice lake tables`.
func runLake(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "ddl":
			return runLakeDDL(args[1:], stdout, stderr)
		case "tables":
			return runLakeTables(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintln(stderr, "usage: sluice lake ddl (--athena | --glue) [--database DB] [--location s3://BASE/] FILE.sql…\n       sluice lake tables [--lake DIR]")
	return 2
}

// runLakeDDL prints, for every lake sink of the query files, Athena's CREATE EXTERNAL TABLE
// (--athena) or Glue's CreateTable input as JSON (--glue).
func runLakeDDL(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lake ddl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	athena := fs.Bool("athena", false, "print CREATE EXTERNAL TABLE statements")
	glue := fs.Bool("glue", false, "print Glue CreateTable inputs (JSON, one object per sink)")
	db := fs.String("database", "", "database (Glue: default when empty)")
	base := fs.String("location", "", "s3:// prefix standing for the working directory of sinks that write local folders")
	start := fs.String("projection-start", "", "first dt of partition projection (default 2020-01-01)")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if *athena == *glue || len(files) == 0 {
		fmt.Fprintln(stderr, "usage: sluice lake ddl (--athena | --glue) [--database DB] [--location s3://BASE/] FILE.sql…")
		return 2
	}
	o := lake.DDLOptions{Database: *db, LocationBase: *base, ProjectionStart: *start}
	for _, path := range files {
		if code := printDDL(path, *glue, o, stdout, stderr); code != 0 {
			return code
		}
	}
	return 0
}

func printDDL(path string, glue bool, o lake.DDLOptions, stdout, stderr io.Writer) int {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "sluice lake ddl: %v\n", err)
		return 1
	}
	dag, err := planner.PlanFileWith(path, string(src), all.ResolveSchema, "")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	for _, def := range lakeTables(dag) {
		out, err := ddlOf(def, glue, o)
		if err != nil {
			fmt.Fprintf(stderr, "sluice lake ddl: %v\n", err)
			return 1
		}
		fmt.Fprint(stdout, out)
	}
	return 0
}

func ddlOf(def lake.TableDef, glue bool, o lake.DDLOptions) (string, error) {
	if glue {
		g, err := lake.Glue(def, o)
		if err != nil {
			return "", err
		}
		return g.JSON(), nil
	}
	s, err := lake.AthenaDDL(def, o)
	return s + "\n", err
}

// lakeTables lists the sinks of a DAG that write lake folders: file or s3 sinks in Parquet, or
// in JSON lines / CSV with partition_by or a roll_* option.
func lakeTables(dag *planner.DAG) []lake.TableDef {
	var out []lake.TableDef
	for _, n := range dag.Nodes {
		op, ok := n.Op.(*planner.SinkOp)
		if !ok || (op.Connector != "file" && op.Connector != "s3") {
			continue
		}
		spec := connectors.FileSpec
		if op.Connector == "s3" {
			spec = connectors.S3Spec
		}
		get := func(k string) string { return spec.Get(op.Options, k) }
		def := lake.TableDef{Name: op.Sink, Location: get("path"), Format: get("format"), Compression: get("compression"),
			Schema: sinkSchema(dag, n), PartitionBy: get("partition_by")}
		if def.Format == "" {
			def.Format = "json"
		}
		if isLakeFolder(op.Connector, get) {
			out = append(out, def)
		}
	}
	return out
}

func isLakeFolder(connector string, get func(string) string) bool {
	if connector == "s3" {
		return true
	}
	for _, k := range []string{"partition_by", "roll_interval", "roll_size", "roll_rows"} {
		if get(k) != "" {
			return true
		}
	}
	return false
}

// sinkSchema is the schema a sink writes: its node's, else its input's.
func sinkSchema(dag *planner.DAG, n *planner.Node) *types.Schema {
	if n.Schema != nil || len(n.Inputs) == 0 {
		return n.Schema
	}
	return dag.Nodes[n.Inputs[0]].Schema
}

// runLakeTables lists the views `sluice query` sees over a lake.
func runLakeTables(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lake tables", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("lake", defaultLake(), "lake root ($SLUICE_LAKE, default ./lake)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	db, err := duck.Open(*root)
	if err != nil {
		fmt.Fprintf(stderr, "sluice lake tables: %v\n", err)
		return 1
	}
	defer db.Close()
	for _, t := range db.Tables() {
		files := ""
		if t.Schema == "lake" {
			files = fmt.Sprintf(" (%d files)", t.Files)
		}
		fmt.Fprintf(stdout, "%s.%s\t%s%s\n", t.Schema, t.Name, strings.TrimPrefix(t.Dir, db.Root()+string(os.PathSeparator)), files)
	}
	return 0
}
