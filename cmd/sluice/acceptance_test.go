package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestAcceptance runs every case under testdata/acceptance the way the acceptance suites do:
// `sluice run query.sql` in a scratch folder holding _data/*, then out/*.jsonl is compared with
// expected/*.jsonl (rows in any order, numbers within 1e-9, keys in select-list order) and the
// records under errors/ with expected/errors.jsonl.
func TestAcceptance(t *testing.T) {
	bin := buildSluice(t)
	cases, _ := filepath.Glob("testdata/acceptance/[^_]*")
	if len(cases) == 0 {
		t.Fatal("no acceptance cases in testdata/acceptance")
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) { runCase(t, bin, dir) })
	}
}

// buildSluice builds the binary once per test process.
func buildSluice(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sluice")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func runCase(t *testing.T, bin, dir string) {
	work := t.TempDir()
	copyDir(t, "testdata/acceptance/_data", work)
	copyFile(t, filepath.Join(dir, "query.sql"), filepath.Join(work, "query.sql"))
	cmd := exec.Command(bin, "run", "query.sql")
	cmd.Dir = work
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("sluice run: %v\n%s", err, stderr.String())
		}
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatalf("sluice run did not finish in 2 minutes\n%s", stderr.String())
	}
	expected, _ := filepath.Glob(filepath.Join(dir, "expected", "*.jsonl"))
	for _, exp := range expected {
		if filepath.Base(exp) == "errors.jsonl" {
			compareErrors(t, exp, work)
			continue
		}
		compareRows(t, exp, filepath.Join(work, "out", filepath.Base(exp)))
	}
}

type row struct {
	keys []string
	vals map[string]any
	raw  string
}

func readRows(t *testing.T, path string) []row {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v", err)
	}
	var rows []row
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		r, err := parseRow(line)
		if err != nil {
			t.Fatalf("%s line %d is not a JSON object: %v: %q", path, i+1, err, line)
		}
		rows = append(rows, r)
	}
	return rows
}

// parseRow decodes one JSON object keeping its key order.
func parseRow(line string) (row, error) {
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	r := row{vals: map[string]any{}, raw: line}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return r, fmt.Errorf("not an object")
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return r, err
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return r, err
		}
		r.keys = append(r.keys, k.(string))
		r.vals[k.(string)] = v
	}
	return r, nil
}

func compareRows(t *testing.T, expPath, gotPath string) {
	t.Helper()
	if _, err := os.Stat(gotPath); err != nil {
		t.Errorf("missing output %s", gotPath)
		return
	}
	want, got := readRows(t, expPath), readRows(t, gotPath)
	if len(want) > 0 && len(got) > 0 && strings.Join(want[0].keys, ",") != strings.Join(got[0].keys, ",") {
		t.Errorf("%s: columns %v, want %v", filepath.Base(gotPath), got[0].keys, want[0].keys)
		return
	}
	used := make([]bool, len(got))
	var missing []string
	for _, w := range want {
		if j := findRow(w, got, used); j >= 0 {
			used[j] = true
		} else {
			missing = append(missing, w.raw)
		}
	}
	var extra []string
	for j, u := range used {
		if !u {
			extra = append(extra, got[j].raw)
		}
	}
	if len(missing)+len(extra) > 0 {
		sort.Strings(missing)
		sort.Strings(extra)
		t.Errorf("%s: %d rows, want %d\nmissing (%d): %s\nunexpected (%d): %s", filepath.Base(gotPath),
			len(got), len(want), len(missing), first(missing), len(extra), first(extra))
	}
}

func first(s []string) string {
	if len(s) > 3 {
		s = s[:3]
	}
	return strings.Join(s, "\n  ")
}

func findRow(w row, got []row, used []bool) int {
	for j, g := range got {
		if !used[j] && sameRow(w, g) {
			return j
		}
	}
	return -1
}

func sameRow(a, b row) bool {
	if len(a.vals) != len(b.vals) {
		return false
	}
	for k, av := range a.vals {
		bv, ok := b.vals[k]
		if !ok || !sameValue(av, bv) {
			return false
		}
	}
	return true
}

func sameValue(a, b any) bool {
	an, aok := a.(json.Number)
	bn, bok := b.(json.Number)
	if aok && bok {
		x, _ := an.Float64()
		y, _ := bn.Float64()
		return math.Abs(x-y) <= 1e-9*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

func compareErrors(t *testing.T, expPath, work string) {
	t.Helper()
	want := readRows(t, expPath)
	var got []row
	_ = filepath.Walk(filepath.Join(work, "errors"), func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			got = append(got, readRows(t, p)...)
		}
		return nil
	})
	if len(got) != len(want) {
		t.Errorf("error sink: %d records, want %d", len(got), len(want))
	}
	for _, g := range got {
		for _, k := range []string{"source", "reason", "position", "raw", "message", "at"} {
			if _, ok := g.vals[k]; !ok {
				t.Errorf("error record lacks %q: %s", k, g.raw)
			}
		}
	}
	for _, w := range want {
		if !hasErrorRecord(w, got) {
			t.Errorf("error sink: no %v record holding raw %q", w.vals["reason"], w.vals["raw"])
		}
	}
}

func hasErrorRecord(w row, got []row) bool {
	for _, g := range got {
		raw, _ := g.vals["raw"].(string)
		if g.vals["reason"] == w.vals["reason"] && strings.Contains(raw, w.vals["raw"].(string)) {
			return true
		}
	}
	return false
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		copyFile(t, filepath.Join(from, e.Name()), filepath.Join(to, e.Name()))
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
