package format

import (
	"fmt"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// collector is an Emitter that keeps what it receives.
type collector struct {
	batches []*types.Batch
	rejects []connectors.ErrorRecord
}

func (c *collector) Emit(b *types.Batch) error       { c.batches = append(c.batches, b); return nil }
func (c *collector) Reject(r connectors.ErrorRecord) { c.rejects = append(c.rejects, r) }

// rows renders every emitted row as JSON lines, with time and origin.
func (c *collector) rows() string {
	var sb strings.Builder
	for _, b := range c.batches {
		enc := NewJSONEncoder(b.Schema)
		for i := 0; i < b.Len; i++ {
			fmt.Fprintf(&sb, "%s%d time=%d %s\n", b.Origin.Prefix, b.Origin.Pos[i], b.Time[i], enc.AppendRow(nil, b, i))
		}
	}
	for _, r := range c.rejects {
		fmt.Fprintf(&sb, "reject %s %s %s raw=%q\n", r.Reason, r.Position, r.Message, r.Raw)
	}
	return sb.String()
}

// parseSchema reads "name TYPE [NOT NULL], ..." with an optional "time=col" for event time,
// a tiny stand-in for the parser. Types: BOOLEAN INT BIGINT DOUBLE DECIMAL(p,s) STRING BYTES
// TIMESTAMP DATE ARRAY<T> MAP<T> (string keys) STRUCT<a T;b T>.
func parseSchema(spec string) *types.Schema {
	s := types.NewSchema()
	for _, part := range splitTop(spec, ',') {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if col, ok := strings.CutPrefix(part, "time="); ok {
			s.EventTime, s.TimeCol = true, s.Index(col)
			continue
		}
		name, rest, _ := strings.Cut(part, " ")
		nn := strings.HasSuffix(rest, " NOT NULL")
		rest = strings.TrimSuffix(rest, " NOT NULL")
		s.Fields = append(s.Fields, types.Field{Name: name, Type: parseType(rest), NotNull: nn})
	}
	return s
}

func splitTop(s string, sep rune) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '<', '(':
			depth++
		case '>', ')':
			depth--
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

func parseType(s string) types.Type {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "ARRAY<"):
		return types.ArrayOf(parseType(s[6 : len(s)-1]))
	case strings.HasPrefix(s, "MAP<"):
		return types.MapOf(parseType(s[4 : len(s)-1]))
	case strings.HasPrefix(s, "STRUCT<"):
		var fs []types.Field
		for _, p := range splitTop(s[7:len(s)-1], ';') {
			n, t, _ := strings.Cut(strings.TrimSpace(p), " ")
			fs = append(fs, types.Field{Name: n, Type: parseType(t)})
		}
		return types.StructOf(fs...)
	case strings.HasPrefix(s, "DECIMAL("):
		var p, sc int
		fmt.Sscanf(s, "DECIMAL(%d,%d)", &p, &sc)
		return types.Decimal(p, sc)
	}
	for k := types.KindBool; k <= types.KindDate; k++ {
		if k.String() == s {
			return types.Type{Kind: k}
		}
	}
	panic("unknown type " + s)
}
