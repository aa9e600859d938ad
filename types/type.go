// Package types holds Sluice's SQL types, schemas, scalar values and the columnar Batch.
// It is the leaf of the dependency graph: it imports nothing of ours.
package types

import (
	"fmt"
	"strings"
)

// Kind is the SQL type family of a value.
type Kind uint8

const (
	KindNull Kind = iota // the type of the NULL literal before it is coerced
	KindBool
	KindInt    // INT: 32-bit, stored widened in int64 vectors
	KindBigInt // BIGINT
	KindDouble
	KindDecimal // DECIMAL(p,s): unscaled int64, p <= 18
	KindString
	KindBytes
	KindTimestamp // milliseconds since the Unix epoch, UTC
	KindDate      // days since the Unix epoch
	KindArray
	KindMap // MAP<STRING,T>
	KindStruct
)

var kindNames = [...]string{"NULL", "BOOLEAN", "INT", "BIGINT", "DOUBLE", "DECIMAL", "STRING", "BYTES", "TIMESTAMP", "DATE", "ARRAY", "MAP", "STRUCT"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// MaxDecimalPrecision is the largest DECIMAL precision that fits the int64 representation.
const MaxDecimalPrecision = 18

// Type is a SQL type. Elem is set for ARRAY and MAP (the value type; map keys are STRING),
// Fields for STRUCT, Precision and Scale for DECIMAL.
type Type struct {
	Kind      Kind
	Precision int
	Scale     int
	Elem      *Type
	Fields    []Field
}

// Field is a named, typed column or struct member.
type Field struct {
	Name    string
	Type    Type
	NotNull bool
}

// Convenience scalar types.
var (
	Null      = Type{Kind: KindNull}
	Bool      = Type{Kind: KindBool}
	Int       = Type{Kind: KindInt}
	BigInt    = Type{Kind: KindBigInt}
	Double    = Type{Kind: KindDouble}
	String    = Type{Kind: KindString}
	Bytes     = Type{Kind: KindBytes}
	Timestamp = Type{Kind: KindTimestamp}
	Date      = Type{Kind: KindDate}
)

// Decimal returns DECIMAL(p,s).
func Decimal(p, s int) Type { return Type{Kind: KindDecimal, Precision: p, Scale: s} }

// ArrayOf returns ARRAY<t>.
func ArrayOf(t Type) Type { return Type{Kind: KindArray, Elem: &t} }

// MapOf returns MAP<STRING,t>.
func MapOf(t Type) Type { return Type{Kind: KindMap, Elem: &t} }

// StructOf returns STRUCT<fields...>.
func StructOf(fields ...Field) Type { return Type{Kind: KindStruct, Fields: fields} }

// IsNumeric reports INT, BIGINT, DOUBLE and DECIMAL.
func (t Type) IsNumeric() bool {
	switch t.Kind {
	case KindInt, KindBigInt, KindDouble, KindDecimal:
		return true
	}
	return false
}

// IsInteger reports INT and BIGINT.
func (t Type) IsInteger() bool { return t.Kind == KindInt || t.Kind == KindBigInt }

// Equal reports whether two types are identical.
func (t Type) Equal(u Type) bool { return t.String() == u.String() }

// String prints the type as SQL (parseable by the parser).
func (t Type) String() string {
	switch t.Kind {
	case KindDecimal:
		return fmt.Sprintf("DECIMAL(%d,%d)", t.Precision, t.Scale)
	case KindArray:
		return "ARRAY<" + t.Elem.String() + ">"
	case KindMap:
		return "MAP<STRING," + t.Elem.String() + ">"
	case KindStruct:
		parts := make([]string, len(t.Fields))
		for i, f := range t.Fields {
			parts[i] = QuoteIdent(f.Name) + " " + f.Type.String()
		}
		return "STRUCT<" + strings.Join(parts, ", ") + ">"
	}
	return t.Kind.String()
}

// Field returns the struct member named name (case-insensitive) and its index.
func (t Type) Field(name string) (Field, int, bool) {
	for i, f := range t.Fields {
		if strings.EqualFold(f.Name, name) {
			return f, i, true
		}
	}
	return Field{}, -1, false
}

// QuoteIdent quotes an identifier when it is not a plain lower-case word.
func QuoteIdent(s string) string {
	plain := s != ""
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
