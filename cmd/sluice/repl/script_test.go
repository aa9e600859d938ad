package repl

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestScripts runs the cases of testdata/*.test: scripts fed to a non-interactive REPL, as
// `sluice repl < script.sql` does, in a scratch folder.
//
//	file name=orders.jsonl   writes the input into the scratch folder
//	repl [format=F] [lake=D] runs the input as a script; prints standard output, then
//	                         standard error after "stderr:", then the exit code
//	cat name=out/x.jsonl     prints a file (its lines sorted with `sorted`)
//	ls dir=lake/errors       counts the lines of the files under a folder
func TestScripts(t *testing.T) {
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		dir := t.TempDir()
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			switch d.Cmd {
			case "file":
				return writeFile(t, dir, d)
			case "repl":
				return runScript(dir, d)
			case "cat":
				return catFile(t, dir, d)
			case "ls":
				return countLines(t, dir, d)
			}
			d.Fatalf(t, "unknown command %s", d.Cmd)
			return ""
		})
	})
}

func writeFile(t *testing.T, dir string, d *datadriven.TestData) string {
	var name string
	d.ScanArgs(t, "name", &name)
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(d.Input+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return ""
}

func runScript(dir string, d *datadriven.TestData) string {
	opts := Options{In: strings.NewReader(d.Input + "\n"), Lake: "lake", BaseDir: dir}
	for _, a := range d.CmdArgs {
		switch a.Key {
		case "format":
			opts.Format = a.Vals[0]
		case "lake":
			opts.Lake = a.Vals[0]
		}
	}
	var out, errOut bytes.Buffer
	opts.Out, opts.Err = &out, &errOut
	code := Run(context.Background(), opts)
	res := out.String()
	if errOut.Len() > 0 {
		res += "stderr:\n" + errOut.String()
	}
	return res + fmt.Sprintf("exit %d\n", code)
}

func catFile(t *testing.T, dir string, d *datadriven.TestData) string {
	var name string
	d.ScanArgs(t, "name", &name)
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return err.Error() + "\n"
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if d.HasArg("sorted") {
		sort.Strings(lines)
	}
	return strings.Join(lines, "\n") + "\n"
}

func countLines(t *testing.T, dir string, d *datadriven.TestData) string {
	var name string
	d.ScanArgs(t, "dir", &name)
	n := 0
	filepath.WalkDir(filepath.Join(dir, name), func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			b, _ := os.ReadFile(p)
			n += bytes.Count(b, []byte("\n"))
		}
		return nil
	})
	return fmt.Sprintf("%d lines\n", n)
}
