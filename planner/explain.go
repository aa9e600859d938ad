package planner

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// Explain prints the DAG as indented trees, one line per operator, from each sink (a node no
// other node reads) down to its sources:
//
//	#3 Sink hot connector=file format=json path=out/hot.jsonl -> (sensor STRING NOT NULL, temp_f DOUBLE)
//	  #2 Project hot [sensor#0, temp_f=((temp#2 * 1.8) + 32)] -> (...)
//	    #1 Filter hot (temp#2 > 30) -> (...)
//	      #0 Source readings connector=file format=json path=readings.jsonl -> (...) time=ts delay=2s
//
// A node read by several consumers is printed in full once; later mentions read
// "#0 Source readings (shared, above)". Each line has the node's ID, kind and name, its key,
// window, emit mode and state when it has them, its operator details, and its output columns
// with types (the event-time column, watermark delay and primary key follow the columns).
func Explain(d *DAG) string {
	var b strings.Builder
	done := make([]bool, len(d.Nodes))
	for _, id := range roots(d) {
		explainNode(&b, d, id, 0, done)
	}
	return b.String()
}

// roots are the nodes no other node reads, in ID order.
func roots(d *DAG) []int {
	read := make([]bool, len(d.Nodes))
	for _, n := range d.Nodes {
		for _, in := range n.Inputs {
			read[in] = true
		}
	}
	var out []int
	for id, r := range read {
		if !r {
			out = append(out, id)
		}
	}
	return out
}

func explainNode(b *strings.Builder, d *DAG, id, depth int, done []bool) {
	n := d.Nodes[id]
	b.WriteString(strings.Repeat("  ", depth))
	fmt.Fprintf(b, "#%d %s %s", n.ID, n.Op.OpName(), n.Name)
	if done[id] {
		b.WriteString(" (shared, above)\n")
		return
	}
	done[id] = true
	if det := nodeDetails(n); det != "" {
		b.WriteString(" " + det)
	}
	b.WriteString(" -> " + describeSchema(n.Schema) + "\n")
	for _, in := range n.Inputs {
		explainNode(b, d, in, depth+1, done)
	}
}

// nodeDetails describes the kind-specific part of a node on one line; a sink that writes
// something other than the query it belongs to (INSERT INTO, transient SELECT) names it.
func nodeDetails(n *Node) string {
	det := opDetails(n.Op, n.Schema)
	if s, ok := n.Op.(*SinkOp); ok && s.Sink != n.Name && s.Sink != s.Connector {
		det = "into=" + types.QuoteIdent(s.Sink) + " " + det
	}
	return det
}

// opDetails describes the kind-specific part of a node on one line.
func opDetails(op Op, s *types.Schema) string {
	switch o := op.(type) {
	case *SourceOp:
		return sourceDetails(o)
	case *FilterOp:
		return o.Pred.String()
	case *ProjectOp:
		return "[" + projectList(o.Exprs, s) + "]"
	case *DedupOp:
		return dedupDetails(o)
	case *AggregateOp:
		return aggDetails(o)
	case *IntervalJoinOp:
		return intervalJoinDetails(o)
	case *LookupJoinOp:
		return lookupJoinDetails(o)
	case *LimitOp:
		return fmt.Sprintf("n=%d state=row count", o.N)
	case *SinkOp:
		return "connector=" + o.Connector + optionList(o.Options)
	}
	return ""
}

func sourceDetails(o *SourceOp) string {
	s := "connector=" + o.Connector + optionList(o.Options)
	if o.IsTable {
		s += " changelog"
	}
	return s
}

func dedupDetails(o *DedupOp) string {
	within := "forever"
	if o.Within > 0 {
		within = "within " + formatMs(o.Within)
	}
	return "keys=[" + exprList(o.Keys) + "] state=first row per key " + within
}

func aggDetails(o *AggregateOp) string {
	aggs := make([]string, len(o.Aggs))
	for i, a := range o.Aggs {
		aggs[i] = a.String()
	}
	s := "keys=[" + exprList(o.Keys) + "]"
	state := "state=per group"
	if o.Window != nil {
		s += " window=" + describeWindow(o.Window)
		state = "state=per group and window"
	}
	return s + " emit=" + o.Emit.String() + " aggs=[" + strings.Join(aggs, ", ") + "] " + state
}

func intervalJoinDetails(o *IntervalJoinOp) string {
	s := fmt.Sprintf("%s on=[%s] within=%s", o.Kind, keyPairs(o.LeftKeys, o.RightKeys), formatMs(o.Within))
	if o.Residual != nil {
		s += " residual=" + o.Residual.String()
	}
	return s + " state=both sides within " + formatMs(o.Within)
}

func lookupJoinDetails(o *LookupJoinOp) string {
	s := fmt.Sprintf("%s stream_keys=[%s]", o.Kind, exprList(o.StreamKeys))
	if o.Residual != nil {
		s += " residual=" + o.Residual.String()
	}
	return s + " state=latest table row per key"
}

// projectList prints a projection's expressions, each followed by AS name when the output name
// is not the name of the column it passes through.
func projectList(es []Expr, s *types.Schema) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.String()
		if c, ok := e.(*ColumnRef); i < len(s.Fields) && (!ok || c.Name != s.Fields[i].Name) {
			parts[i] += " AS " + types.QuoteIdent(s.Fields[i].Name)
		}
	}
	return strings.Join(parts, ", ")
}

func keyPairs(l, r []Expr) string {
	parts := make([]string, len(l))
	for i := range l {
		parts[i] = l[i].String() + " = " + r[i].String()
	}
	return strings.Join(parts, ", ")
}

func exprList(es []Expr) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.String()
	}
	return strings.Join(parts, ", ")
}

// optionList prints options sorted by name (without connector): " format=json path=a.jsonl".
func optionList(opts map[string]string) string {
	keys := make([]string, 0, len(opts))
	for k := range opts {
		if k != "connector" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		v := opts[k]
		if v == "" || strings.ContainsAny(v, " \t'") {
			v = "'" + strings.ReplaceAll(v, "'", "''") + "'"
		}
		b.WriteString(" " + k + "=" + v)
	}
	return b.String()
}

// describeSchema prints "(a STRING NOT NULL, ts TIMESTAMP) time=ts delay=5s key=(a)".
func describeSchema(s *types.Schema) string {
	if s == nil {
		return "()"
	}
	cols := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		cols[i] = types.QuoteIdent(f.Name) + " " + f.Type.String()
		if f.NotNull {
			cols[i] += " NOT NULL"
		}
	}
	return "(" + strings.Join(cols, ", ") + ")" + timeSuffix(s) + keySuffix(s)
}

func timeSuffix(s *types.Schema) string {
	if !s.EventTime {
		return ""
	}
	col := "carried"
	if s.TimeCol >= 0 && s.TimeCol < len(s.Fields) {
		col = types.QuoteIdent(s.Fields[s.TimeCol].Name)
	}
	return " time=" + col + " delay=" + formatMs(s.Delay)
}

func keySuffix(s *types.Schema) string {
	if len(s.Key) == 0 {
		return ""
	}
	names := make([]string, len(s.Key))
	for i, k := range s.Key {
		names[i] = types.QuoteIdent(s.Fields[k].Name)
	}
	return " key=(" + strings.Join(names, ", ") + ")"
}
