package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// TestREADMEGenerated keeps the README's connector and function tables equal to the option specs
// and the function table that the planner checks queries against.
func TestREADMEGenerated(t *testing.T) {
	readme := readREADME(t)
	for name, run := range map[string]func([]string, io.Writer, io.Writer) int{"connectors": runConnectors, "functions": runFunctions} {
		var want bytes.Buffer
		run([]string{"--markdown"}, &want, &want)
		begin, end := "<!-- "+name+":begin -->\n", "<!-- "+name+":end -->"
		i, j := strings.Index(readme, begin), strings.Index(readme, end)
		if i < 0 || j < i {
			t.Fatalf("README.md lacks the %s:begin/end markers", name)
		}
		if got := readme[i+len(begin) : j]; got != want.String() {
			t.Errorf("README.md's %s tables are stale: paste the output of `sluice %s --markdown` between the markers", name, name)
		}
	}
}

// TestREADMECommands checks that every CLI command is documented in the README.
func TestREADMECommands(t *testing.T) {
	readme := readREADME(t)
	for name := range commands() {
		if !strings.Contains(readme, "`sluice "+name) {
			t.Errorf("README.md does not document `sluice %s`", name)
		}
	}
}

func readREADME(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
