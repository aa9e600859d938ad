package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/sluicedata/sluice/connectors"
)

// runConnectors prints every connector and its WITH (...) options, from the same specs that
// validate them at planning time. `--markdown` prints the README's tables.
func runConnectors(args []string, stdout, stderr io.Writer) int {
	markdown := len(args) == 1 && args[0] == "--markdown"
	if len(args) > 0 && !markdown {
		fmt.Fprintln(stderr, "usage: sluice connectors [--markdown]")
		return 2
	}
	for _, s := range connectors.Specs() {
		if markdown {
			fmt.Fprint(stdout, specMarkdown(s))
		} else {
			fmt.Fprint(stdout, specText(s))
		}
	}
	return 0
}

func specRoles(s *connectors.Spec) string {
	var roles []string
	if s.Source {
		roles = append(roles, "source")
	}
	if s.Sink {
		roles = append(roles, "sink")
	}
	if s.Bounded {
		roles = append(roles, "bounded")
	}
	return strings.Join(roles, ", ")
}

func specMarkdown(s *connectors.Spec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#### `%s` (%s)\n\n%s\n\n| option | type | default | applies to | meaning |\n|---|---|---|---|---|\n", s.Name, specRoles(s), s.Doc)
	for _, o := range s.Options {
		def := o.Default
		if o.Required {
			def = "required"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", o.Name, optionType(o, " \\| "), def, optionUse(o.Use), strings.ReplaceAll(o.Doc, "|", `\|`))
	}
	b.WriteString("\n")
	return b.String()
}

func specText(s *connectors.Spec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n", s.Name, specRoles(s), s.Doc)
	for _, o := range s.Options {
		req := ""
		if o.Required {
			req = ", required"
		} else if o.Default != "" {
			req = ", default " + o.Default
		}
		fmt.Fprintf(&b, "  %-22s %s%s, %s: %s\n", o.Name, optionType(o, "|"), req, optionUse(o.Use), o.Doc)
	}
	b.WriteString("\n")
	return b.String()
}

func optionType(o connectors.Option, sep string) string {
	if o.Type == connectors.OptEnum {
		return strings.Join(o.Enum, sep)
	}
	return o.Type.String()
}

func optionUse(u connectors.Use) string {
	return [...]string{"source, sink", "source", "sink"}[u]
}
