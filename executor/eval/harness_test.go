package eval

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// A tiny test language, so that testdata can build planner.Expr trees without the planner:
//
//	expr  := atom | '(' fn expr* ')' [':' TYPE]
//	atom  := column | 123 | 1.5 | 'text' | true | false | NULL ':' TYPE | atom ':' TYPE
//
// A Call's result type is inferred by resultType unless given after ':'. A typed literal whose
// text does not match the type is read like a row value ('2026-01-02T03:04:05Z':TIMESTAMP).

type exprParser struct {
	src    string
	pos    int
	schema *types.Schema
}

func parseExpr(src string, schema *types.Schema) (planner.Expr, error) {
	p := &exprParser{src: src, schema: schema}
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos != len(p.src) {
		return nil, fmt.Errorf("trailing text %q", p.src[p.pos:])
	}
	return e, nil
}

func (p *exprParser) space() {
	for p.pos < len(p.src) && unicode.IsSpace(rune(p.src[p.pos])) {
		p.pos++
	}
}

func (p *exprParser) expr() (planner.Expr, error) {
	p.space()
	if p.pos >= len(p.src) {
		return nil, fmt.Errorf("unexpected end of %q", p.src)
	}
	if p.src[p.pos] == '(' {
		return p.call()
	}
	return p.atom()
}

func (p *exprParser) call() (planner.Expr, error) {
	p.pos++
	fn := p.word()
	c := &planner.Call{Fn: fn}
	for {
		p.space()
		if p.pos >= len(p.src) {
			return nil, fmt.Errorf("unclosed call %s", fn)
		}
		if p.src[p.pos] == ')' {
			p.pos++
			break
		}
		a, err := p.expr()
		if err != nil {
			return nil, err
		}
		c.Args = append(c.Args, a)
	}
	t, ok, err := p.typeSuffix()
	if err != nil {
		return nil, err
	}
	if !ok {
		if t, err = resultType(c); err != nil {
			return nil, err
		}
	}
	c.T = t
	return c, nil
}

// word reads up to white space or a parenthesis.
func (p *exprParser) word() string {
	start := p.pos
	for p.pos < len(p.src) && !unicode.IsSpace(rune(p.src[p.pos])) && p.src[p.pos] != '(' && p.src[p.pos] != ')' && p.src[p.pos] != ':' {
		p.pos++
	}
	return p.src[start:p.pos]
}

// typeSuffix reads ':TYPE' when present.
func (p *exprParser) typeSuffix() (types.Type, bool, error) {
	if p.pos >= len(p.src) || p.src[p.pos] != ':' {
		return types.Type{}, false, nil
	}
	p.pos++
	start, depth := p.pos, 0
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if depth == 0 && (c == ')' || unicode.IsSpace(rune(c))) {
			break
		}
		switch c {
		case '(', '<':
			depth++
		case ')', '>':
			depth--
		}
		p.pos++
	}
	t, err := parseType(p.src[start:p.pos])
	return t, true, err
}

func (p *exprParser) atom() (planner.Expr, error) {
	var text string
	quoted := p.src[p.pos] == '\''
	if quoted {
		s, err := p.quoted()
		if err != nil {
			return nil, err
		}
		text = s
	} else {
		text = p.word()
	}
	t, typed, err := p.typeSuffix()
	if err != nil {
		return nil, err
	}
	if !quoted {
		if i := p.schema.Index(text); i >= 0 && !typed {
			return &planner.ColumnRef{Index: i, Name: text, T: p.schema.Fields[i].Type}, nil
		}
	}
	return literal(text, quoted, t, typed)
}

func (p *exprParser) quoted() (string, error) {
	var b strings.Builder
	for p.pos++; p.pos < len(p.src); p.pos++ {
		c := p.src[p.pos]
		if c == '\'' {
			if p.pos+1 < len(p.src) && p.src[p.pos+1] == '\'' {
				b.WriteByte('\'')
				p.pos++
				continue
			}
			p.pos++
			return b.String(), nil
		}
		b.WriteByte(c)
	}
	return "", fmt.Errorf("unclosed string in %q", p.src)
}

func literal(text string, quoted bool, t types.Type, typed bool) (planner.Expr, error) {
	var v any
	switch {
	case quoted:
		v = text
		if !typed {
			t = types.String
		}
	case strings.EqualFold(text, "null"):
		if !typed {
			return nil, fmt.Errorf("NULL needs a type: NULL:BIGINT")
		}
		return &planner.Literal{T: t}, nil
	case text == "true" || text == "false":
		v = text == "true"
		if !typed {
			t = types.Bool
		}
	default:
		v = json.Number(text)
		if !typed {
			t = types.BigInt
			if strings.ContainsAny(text, ".eE") {
				t = types.Double
			}
		}
	}
	val, err := toValue(t, v)
	if err != nil {
		return nil, err
	}
	return &planner.Literal{Value: val, T: t}, nil
}

// resultType is what the planner would make a call return.
func resultType(c *planner.Call) (types.Type, error) {
	arg := func(i int) types.Type {
		if i < len(c.Args) {
			return c.Args[i].Type()
		}
		return types.Null
	}
	switch c.Fn {
	case "=", "<>", "<", "<=", ">", ">=", "and", "or", "not", "is_null", "is_not_null", "in", "like", "regexp_matches":
		return types.Bool, nil
	case "+", "-", "*", "/", "%", "neg", "abs", "round", "floor", "ceil", "mod", "nullif", "coalesce":
		return arg(0), nil
	case "case":
		return arg(1), nil
	case "upper", "lower", "trim", "substring", "concat", "replace", "regexp_extract", "json_value":
		return types.String, nil
	case "length":
		return types.Int, nil
	case "extract", "hash", "to_unixtime":
		return types.BigInt, nil
	case "date_trunc", "from_unixtime":
		return types.Timestamp, nil
	case "split":
		return types.ArrayOf(types.String), nil
	case "count_star", "count", "approx_count_distinct":
		return types.BigInt, nil
	case "avg", "approx_percentile":
		return types.Double, nil
	case "min", "max", "earliest", "latest":
		return arg(0), nil
	case "topk":
		return types.ArrayOf(arg(0)), nil
	case "sum":
		switch arg(0).Kind {
		case types.KindDouble:
			return types.Double, nil
		case types.KindDecimal:
			return types.Decimal(18, arg(0).Scale), nil
		}
		return types.BigInt, nil
	case "index":
		if e := arg(0).Elem; e != nil {
			return *e, nil
		}
	case "field":
		if l, ok := c.Args[1].(*planner.Literal); ok {
			if i, ok := l.Value.(int64); ok && int(i) < len(arg(0).Fields) {
				return arg(0).Fields[i].Type, nil
			}
		}
	}
	return types.Type{}, fmt.Errorf("give the result type of %s with :TYPE", c.Fn)
}

// parseType reads a SQL type: BIGINT, DECIMAL(10,2), ARRAY<T>, MAP<STRING,T>, STRUCT<a T, b T>.
func parseType(s string) (types.Type, error) {
	s = strings.TrimSpace(s)
	up := strings.ToUpper(s)
	simple := map[string]types.Type{"BOOLEAN": types.Bool, "INT": types.Int, "BIGINT": types.BigInt,
		"DOUBLE": types.Double, "STRING": types.String, "BYTES": types.Bytes, "TIMESTAMP": types.Timestamp,
		"DATE": types.Date, "NULL": types.Null}
	if t, ok := simple[up]; ok {
		return t, nil
	}
	open := strings.IndexAny(s, "(<")
	if open < 0 || !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, ">") {
		return types.Type{}, fmt.Errorf("unknown type %q", s)
	}
	inner := s[open+1 : len(s)-1]
	switch up[:open] {
	case "DECIMAL":
		var p, sc int
		_, err := fmt.Sscanf(inner, "%d,%d", &p, &sc)
		return types.Decimal(p, sc), err
	case "ARRAY":
		e, err := parseType(inner)
		return types.ArrayOf(e), err
	case "MAP":
		_, v, _ := strings.Cut(inner, ",")
		e, err := parseType(v)
		return types.MapOf(e), err
	case "STRUCT":
		return parseStruct(inner)
	}
	return types.Type{}, fmt.Errorf("unknown type %q", s)
}

func parseStruct(inner string) (types.Type, error) {
	var fields []types.Field
	for _, part := range splitTop(inner) {
		name, ts, _ := strings.Cut(strings.TrimSpace(part), " ")
		t, err := parseType(ts)
		if err != nil {
			return types.Type{}, err
		}
		fields = append(fields, types.Field{Name: name, Type: t})
	}
	return types.StructOf(fields...), nil
}

// splitTop splits on commas outside <> and ().
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '<', '(':
			depth++
		case '>', ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// parseSchema reads "a BIGINT, b STRING".
func parseSchema(s string) (*types.Schema, error) {
	var fields []types.Field
	for _, part := range splitTop(s) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, ts, _ := strings.Cut(part, " ")
		t, err := parseType(ts)
		if err != nil {
			return nil, err
		}
		fields = append(fields, types.Field{Name: name, Type: t})
	}
	return types.NewSchema(fields...), nil
}

// parseRow reads a JSON array of row values.
func parseRow(s string, schema *types.Schema) ([]any, error) {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var raw []any
	if err := d.Decode(&raw); err != nil {
		return nil, err
	}
	if len(raw) != schema.Len() {
		return nil, fmt.Errorf("row %s has %d values for %d columns", s, len(raw), schema.Len())
	}
	row := make([]any, len(raw))
	for i, x := range raw {
		v, err := toValue(schema.Fields[i].Type, x)
		if err != nil {
			return nil, err
		}
		row[i] = v
	}
	return row, nil
}

// toValue converts a decoded JSON value (json.Number for numbers) to a Value of type t.
func toValue(t types.Type, x any) (any, error) {
	if x == nil {
		return nil, nil
	}
	text := fmt.Sprint(x)
	bad := fmt.Errorf("cannot read %v as %s", x, t)
	switch t.Kind {
	case types.KindBool:
		b, ok := x.(bool)
		return b, okErr(ok, bad)
	case types.KindInt, types.KindBigInt:
		v, err := strconv.ParseInt(text, 10, 64)
		return v, err
	case types.KindDouble:
		v, err := strconv.ParseFloat(text, 64)
		return v, err
	case types.KindDecimal:
		v, ok := parseDecimal(text, t.Scale)
		return v, okErr(ok, bad)
	case types.KindString, types.KindBytes:
		return text, nil
	case types.KindTimestamp, types.KindDate:
		return temporalValue(t, x, bad)
	case types.KindArray, types.KindMap, types.KindStruct:
		return nestedValue(t, x, bad)
	}
	return nil, bad
}

func okErr(ok bool, err error) error {
	if ok {
		return nil
	}
	return err
}

func temporalValue(t types.Type, x any, bad error) (any, error) {
	if n, ok := x.(json.Number); ok {
		return n.Int64()
	}
	s, _ := x.(string)
	var v int64
	var ok bool
	if t.Kind == types.KindDate {
		v, ok = parseDate(s)
	} else {
		v, ok = parseTimestamp(s)
	}
	return v, okErr(ok, bad)
}

func nestedValue(t types.Type, x any, bad error) (any, error) {
	switch t.Kind {
	case types.KindArray, types.KindStruct:
		xs, ok := x.([]any)
		if !ok {
			return nil, bad
		}
		out := make([]any, len(xs))
		for i, e := range xs {
			et := types.Type{}
			if t.Kind == types.KindArray {
				et = *t.Elem
			} else if i < len(t.Fields) {
				et = t.Fields[i].Type
			}
			v, err := toValue(et, e)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	m, ok := x.(map[string]any)
	if !ok {
		return nil, bad
	}
	out := map[string]any{}
	for k, e := range m {
		v, err := toValue(*t.Elem, e)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// formatValue prints a Value of type t for expected output.
func formatValue(t types.Type, v any) string {
	if v == nil {
		return "NULL"
	}
	switch t.Kind {
	case types.KindString, types.KindBytes:
		return "'" + strings.ReplaceAll(v.(string), "'", "''") + "'"
	case types.KindArray:
		var parts []string
		for _, e := range v.([]any) {
			parts = append(parts, formatValue(*t.Elem, e))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case types.KindMap:
		m := v.(map[string]any)
		var parts []string
		for _, k := range sortedKeys(m) {
			parts = append(parts, k+": "+formatValue(*t.Elem, m[k]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case types.KindStruct:
		xs := v.([]any)
		var parts []string
		for i, f := range t.Fields {
			parts = append(parts, f.Name+": "+formatValue(f.Type, xs[i]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case types.KindDouble:
		return formatFloat(v.(float64))
	}
	s, ok := castScalarValue(v, t, types.String)
	if !ok {
		return fmt.Sprintf("?%v", v)
	}
	return s.(string)
}

// buildBatch makes a batch of rows.
func buildBatch(schema *types.Schema, rows [][]any) *types.Batch {
	b := types.NewBatch(schema, len(rows))
	for _, r := range rows {
		for c, v := range r {
			b.Cols[c].AppendValue(v)
		}
		b.Time = append(b.Time, int64(len(b.Time)))
	}
	b.Len = len(rows)
	return b
}

// vectorValues returns the first n values of v.
func vectorValues(v *types.Vector, n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = v.Value(i)
	}
	return out
}

// zeroSlotsOK reports whether every NULL row of v holds the zero value.
func zeroSlotsOK(v *types.Vector, n int) bool {
	ok := true
	eachNull(v.Nulls, n, func(i int) {
		switch types.Storage(v.Type.Kind) {
		case types.StoreI64:
			ok = ok && v.I64[i] == 0
		case types.StoreF64:
			ok = ok && v.F64[i] == 0
		case types.StoreBool:
			ok = ok && !v.Bool[i]
		case types.StoreStr:
			ok = ok && v.Str[i] == ""
		default:
			ok = ok && v.Any[i] == nil
		}
	})
	return ok
}
