package planner

import (
	"fmt"
	"strings"
)

// ExplainDot prints the DAG in Graphviz dot: one box per operator labelled with its kind, name
// and details, and an edge from each input to its consumer.
func ExplainDot(d *DAG) string {
	var b strings.Builder
	b.WriteString("digraph sluice {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n")
	for _, n := range d.Nodes {
		label := fmt.Sprintf("#%d %s %s", n.ID, n.Op.OpName(), n.Name)
		if det := nodeDetails(n); det != "" {
			label += "\n" + det
		}
		label += "\n" + describeSchema(n.Schema)
		fmt.Fprintf(&b, "  n%d [label=%s];\n", n.ID, dotQuote(label))
	}
	for _, n := range d.Nodes {
		for _, in := range n.Inputs {
			fmt.Fprintf(&b, "  n%d -> n%d;\n", in, n.ID)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// dotQuote quotes a label, escaping quotes and backslashes and turning newlines into
// left-justified line breaks.
func dotQuote(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	s = strings.ReplaceAll(s, "\n", `\l`)
	return `"` + s + `\l"`
}
