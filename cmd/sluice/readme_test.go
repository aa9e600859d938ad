package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestREADMEConnectors keeps the README's connector tables equal to the option specs that
// validate queries (`sluice connectors --markdown` prints them).
func TestREADMEConnectors(t *testing.T) {
	readme := readREADME(t)
	var want bytes.Buffer
	runConnectors([]string{"--markdown"}, &want, &want)
	begin, end := "<!-- connectors:begin -->\n", "<!-- connectors:end -->"
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatal("README.md lacks the connectors:begin/end markers")
	}
	if got := readme[i+len(begin) : j]; got != want.String() {
		t.Errorf("README.md's connector tables are stale: paste the output of `sluice connectors --markdown` between the markers")
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
