package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `sluice repl -e …` runs the statements with plain output; the first error exits 1 and names
// the position in the -e text.
func TestReplCommandLine(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "o.jsonl")
	if err := os.WriteFile(data, []byte(`{"id": 1, "amount": 2.5}`+"\n"+`{"id": 2, "amount": 4}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	create := "CREATE STREAM o (id BIGINT, amount DOUBLE) WITH (connector = 'file', path = '" + data + "', format = 'json');"
	var out, errOut bytes.Buffer
	code := runRepl([]string{"--format", "json", "-e", create, "-e", "SELECT id, amount * 2 AS twice FROM o;"}, &out, &errOut)
	if code != 0 || out.String() != `{"id":1,"twice":5.0}`+"\n"+`{"id":2,"twice":8.0}`+"\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	code = runRepl([]string{"-e", create, "-e", "SELECT nope FROM o;", "-e", "SELECT id FROM o;"}, &out, &errOut)
	if code != 1 || out.Len() != 0 || !strings.HasPrefix(errOut.String(), "ERROR -e:2:8: unknown column nope\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	if code := runRepl([]string{"--format", "xml", "-e", "SHOW STREAMS;"}, &out, &errOut); code != 1 {
		t.Errorf("--format xml: exit %d", code)
	}
}

// `sluice` alone without a terminal prints the help, which lists repl.
func TestNoArgumentsWithoutTerminal(t *testing.T) {
	var out bytes.Buffer
	if code := dispatch(nil, &out, &out); code != 0 || !strings.Contains(out.String(), "\n  repl ") {
		t.Errorf("exit %d:\n%s", code, out.String())
	}
}
