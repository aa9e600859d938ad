package planner

import (
	"strings"

	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// show answers SHOW STREAMS | TABLES | SINKS | QUERIES as a text table.
func (p *planner) show(st *parser.Show) string {
	switch st.What {
	case "STREAMS":
		return p.showEntries(StreamEntry)
	case "TABLES":
		return p.showEntries(TableEntry)
	case "SINKS":
		return p.showSinks()
	case "QUERIES":
		return p.showQueries()
	}
	p.errs.add(st.Pos(), "expected SHOW STREAMS, TABLES, SINKS or QUERIES, found SHOW %s", st.What)
	return ""
}

func (p *planner) showEntries(kind EntryKind) string {
	var rows [][]string
	for _, e := range p.cat.Entries() {
		if e.Kind != kind {
			continue
		}
		rows = append(rows, []string{e.Name, origin(e), orDash(e.Connector), orDash(e.Options["format"]), eventTime(e.Schema), keyText(e.Schema)})
	}
	return textTable([]string{"NAME", "ORIGIN", "CONNECTOR", "FORMAT", "EVENT TIME", "KEY"}, rows)
}

// origin says how an entry is fed: a declared source, or the query writing it.
func origin(e *Entry) string {
	if e.Source {
		return "source"
	}
	return "query " + e.Query
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func eventTime(s *types.Schema) string {
	switch {
	case s == nil || !s.EventTime:
		return "processing time"
	case s.TimeCol < 0:
		return "carried (delay " + formatMs(s.Delay) + ")"
	}
	return s.Fields[s.TimeCol].Name + " (delay " + formatMs(s.Delay) + ")"
}

func keyText(s *types.Schema) string {
	if s == nil || len(s.Key) == 0 {
		return "-"
	}
	return keyNames(s)
}

// showSinks lists every sink node of the DAG (CREATE SINK, CREATE ... WITH (connector) AS,
// INSERT INTO, transient SELECTs to stdout).
func (p *planner) showSinks() string {
	var rows [][]string
	for _, n := range p.dag.Nodes {
		if s, ok := n.Op.(*SinkOp); ok {
			reads := "-"
			if q, _ := p.cat.query(n.Name); q != nil {
				reads = strings.Join(q.Reads, ",")
			}
			rows = append(rows, []string{s.Sink, n.Name, reads, s.Connector, orDash(s.Options["format"])})
		}
	}
	return textTable([]string{"NAME", "QUERY", "READS", "CONNECTOR", "FORMAT"}, rows)
}

func (p *planner) showQueries() string {
	var rows [][]string
	for _, q := range p.cat.queries {
		kind := "persistent"
		if q.Transient {
			kind = "transient"
		}
		rows = append(rows, []string{q.ID, kind, strings.Join(q.Reads, ","), orDash(q.Writes), itoa(len(q.Nodes))})
	}
	return textTable([]string{"ID", "KIND", "READS", "WRITES", "OPERATORS"}, rows)
}

// describe answers DESCRIBE name: what the entry is, its options and its columns.
func (p *planner) describe(st *parser.Describe) string {
	name := st.Name.Name()
	e, ok := p.cat.Lookup(name)
	if !ok {
		p.errs.add(st.Name.Pos(), "unknown stream, table or sink %s%s", name, didYouMean(name, p.cat.Names()))
		return ""
	}
	var b strings.Builder
	b.WriteString(e.Kind.String() + " " + types.QuoteIdent(e.Name) + " (" + origin(e))
	if e.From != "" {
		b.WriteString(", from " + e.From)
	}
	if e.Connector != "" {
		b.WriteString(", connector=" + e.Connector + optionList(e.Options))
	}
	b.WriteString(")\n")
	b.WriteString(describeColumns(e.Schema))
	return b.String()
}

func describeColumns(s *types.Schema) string {
	if len(s.Fields) == 0 {
		return "(columns come from the format's schema at run time)\n"
	}
	var rows [][]string
	for i, f := range s.Fields {
		t := f.Type.String()
		if f.NotNull {
			t += " NOT NULL"
		}
		rows = append(rows, []string{types.QuoteIdent(f.Name), t, columnNotes(s, i)})
	}
	return textTable([]string{"COLUMN", "TYPE", "NOTES"}, rows)
}

func columnNotes(s *types.Schema, i int) string {
	var notes []string
	if s.EventTime && s.TimeCol == i {
		notes = append(notes, "event time, watermark delay "+formatMs(s.Delay))
	}
	for _, k := range s.Key {
		if k == i {
			notes = append(notes, "primary key")
		}
	}
	return strings.Join(notes, "; ")
}

// set records SET 'key' = 'value' in the session's settings.
func (p *planner) set(st *parser.Set) string {
	p.settings[st.Key] = st.Value
	return "SET '" + st.Key + "' = '" + st.Value + "'\n"
}
