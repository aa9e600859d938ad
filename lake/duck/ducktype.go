package duck

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// DuckType returns the DuckDB type of a Sluice type. TIMESTAMP is TIMESTAMPTZ: Sluice timestamps
// are UTC instants, and Parquet TIMESTAMP(MILLIS, isAdjustedToUTC) reads back as TIMESTAMPTZ.
func DuckType(t types.Type) string {
	switch t.Kind {
	case types.KindBool:
		return "BOOLEAN"
	case types.KindInt:
		return "INTEGER"
	case types.KindBigInt:
		return "BIGINT"
	case types.KindDouble:
		return "DOUBLE"
	case types.KindDecimal:
		return fmt.Sprintf("DECIMAL(%d,%d)", t.Precision, t.Scale)
	case types.KindString:
		return "VARCHAR"
	case types.KindBytes:
		return "BLOB"
	case types.KindTimestamp:
		return "TIMESTAMPTZ"
	case types.KindDate:
		return "DATE"
	case types.KindArray:
		return DuckType(*t.Elem) + "[]"
	case types.KindMap:
		return "MAP(VARCHAR, " + DuckType(*t.Elem) + ")"
	case types.KindStruct:
		parts := make([]string, len(t.Fields))
		for i, f := range t.Fields {
			parts[i] = quoteIdent(f.Name) + " " + DuckType(f.Type)
		}
		return "STRUCT(" + strings.Join(parts, ", ") + ")"
	}
	return "VARCHAR"
}

// quoteIdent quotes a DuckDB identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// quoteString quotes a DuckDB string literal.
func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// SluiceType maps a DuckDB result type name (as the driver reports it, e.g. `DECIMAL(38,2)`,
// `INTEGER[]`, `STRUCT(a VARCHAR, "b c" DOUBLE[])`, `MAP(VARCHAR, BIGINT)`) to the Sluice type
// whose output encoding prints it. Types Sluice lacks print as text (STRING): TIME, INTERVAL,
// UUID, ENUM, BIT, UNION. Integers wider than BIGINT and DECIMAL wider than 18 digits map to
// BIGINT and DECIMAL(18,s); values beyond int64 fall back to DOUBLE (see convert).
func SluiceType(name string) types.Type {
	p := &typeParser{s: name}
	t := p.parse()
	return t
}

type typeParser struct {
	s string
	i int
}

func (p *typeParser) parse() types.Type {
	t := p.base()
	for strings.HasPrefix(p.s[p.i:], "[") {
		end := strings.IndexByte(p.s[p.i:], ']')
		if end < 0 {
			break
		}
		p.i += end + 1
		t = types.ArrayOf(t)
	}
	return t
}

func (p *typeParser) base() types.Type {
	word := p.word()
	switch word {
	case "STRUCT":
		return p.structType()
	case "MAP":
		return p.mapType()
	case "DECIMAL", "NUMERIC":
		return p.decimal()
	}
	return scalarType(word)
}

// word reads a type name, including multi-word names such as `TIMESTAMP WITH TIME ZONE`.
func (p *typeParser) word() string {
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune("(),[]", rune(p.s[p.i])) {
		p.i++
	}
	return strings.ToUpper(strings.TrimSpace(p.s[start:p.i]))
}

func (p *typeParser) decimal() types.Type {
	args := p.args()
	if len(args) != 2 {
		return types.Decimal(18, 3)
	}
	prec, _ := strconv.Atoi(args[0])
	scale, _ := strconv.Atoi(args[1])
	return types.Decimal(min(prec, types.MaxDecimalPrecision), scale)
}

// args reads `(a,b)` as raw strings.
func (p *typeParser) args() []string {
	if !p.eat('(') {
		return nil
	}
	end := strings.IndexByte(p.s[p.i:], ')')
	if end < 0 {
		return nil
	}
	parts := strings.Split(p.s[p.i:p.i+end], ",")
	p.i += end + 1
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func (p *typeParser) eat(c byte) bool {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *typeParser) mapType() types.Type {
	if !p.eat('(') {
		return types.String
	}
	p.parse() // keys print as text
	p.eat(',')
	v := p.parse()
	p.eat(')')
	return types.MapOf(v)
}

func (p *typeParser) structType() types.Type {
	var fields []types.Field
	if !p.eat('(') {
		return types.String
	}
	for p.i < len(p.s) && !p.eat(')') {
		name := p.ident()
		t := p.parse()
		fields = append(fields, types.Field{Name: name, Type: t})
		p.eat(',')
	}
	return types.StructOf(fields...)
}

// ident reads a struct member name, quoted ("a ""b""") or bare.
func (p *typeParser) ident() string {
	p.eat(' ')
	if !p.eat('"') {
		start := p.i
		for p.i < len(p.s) && p.s[p.i] != ' ' {
			p.i++
		}
		name := p.s[start:p.i]
		p.eat(' ')
		return name
	}
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		if c == '"' {
			if p.i < len(p.s) && p.s[p.i] == '"' {
				b.WriteByte('"')
				p.i++
				continue
			}
			break
		}
		b.WriteByte(c)
	}
	p.eat(' ')
	return b.String()
}

func scalarType(word string) types.Type {
	switch word {
	case "BOOLEAN":
		return types.Bool
	case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT":
		return types.Int
	case "BIGINT", "UINTEGER", "UBIGINT", "HUGEINT", "UHUGEINT":
		return types.BigInt
	case "FLOAT", "DOUBLE":
		return types.Double
	case "BLOB":
		return types.Bytes
	case "DATE":
		return types.Date
	case "TIMESTAMP", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP_NS":
		return types.Timestamp
	}
	return types.String
}
