package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestBench runs every `sluice bench` workload on a small input: each prints a rate, and the
// lake workload its size on disk.
func TestBench(t *testing.T) {
	var out, errs bytes.Buffer
	if code := runBench([]string{"--events", "5000"}, &out, &errs); code != 0 {
		t.Fatalf("sluice bench exited %d: %s", code, errs.String())
	}
	for _, w := range benchWorkloads {
		if !strings.Contains(out.String(), w.name) {
			t.Errorf("no line for %q in:\n%s", w.name, out.String())
		}
	}
	if !strings.Contains(out.String(), "MB on disk for") {
		t.Errorf("no size on disk in:\n%s", out.String())
	}
}
