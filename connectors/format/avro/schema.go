// Package avro reads and writes Avro object container files: the reader decodes the binary
// records of each block straight into format.Cells (no reflection, no generic maps), driven by
// the writer's schema from the file header; hamba/avro parses that schema and writes files.
package avro

import (
	"fmt"

	"github.com/hamba/avro/v2"

	"github.com/sluicedata/sluice/types"
)

// Reading maps Avro types to SQL types; the fields of the top-level record are the columns,
// NOT NULL unless their type is a union with null:
//
//	null                                 STRING (always NULL)
//	boolean                              BOOLEAN
//	int; date; time-millis               INT; DATE; INT (milliseconds of the day)
//	long; time-micros                    BIGINT
//	long timestamp-millis|micros, and
//	local-timestamp-millis|micros        TIMESTAMP (floored to milliseconds; local ones as UTC)
//	float, double                        DOUBLE
//	string (uuid too), enum              STRING
//	bytes, fixed                         BYTES
//	bytes / fixed decimal(p,s)           DECIMAL(p,s); over 18 digits read as STRING without a
//	                                     column list (see format.Wide)
//	array, map                           ARRAY<items>, MAP<STRING, values>
//	record                               STRUCT<fields in order>
//	[null, T] / [T, null]                T, nullable
//	a union of several other types       STRUCT with one member per branch, named after the
//	                                     branch's type ("string", "long", a record's name),
//	                                     only the present branch non-NULL (as Spark reads it)
//	a recursive record                   not supported (no finite SQL type)
type kind uint8

const (
	kNull kind = iota
	kBool
	kInt
	kLong
	kMicros // long timestamp-micros → milliseconds
	kFloat
	kDouble
	kString
	kBytes
	kFixed
	kDecimal     // bytes decimal, up to 18 digits
	kFixedDec    // fixed decimal, up to 18 digits
	kWideDecimal // bytes decimal as text
	kWideFixed   // fixed decimal as text
	kEnum
	kArray
	kMap
	kRecord
	kUnion
)

// node says how one Avro schema node is decoded.
type node struct {
	kind    kind
	typ     types.Type
	size    int      // fixed
	scale   int      // decimals
	symbols []string // enum
	kids    []*node  // array: items; map: values; record: fields; union: branches
	names   []string // record: field names
	multi   bool     // union: several non-null branches (a STRUCT of branches)
	null    int      // union: index of the null branch, -1 when none
}

// mapper builds nodes, refusing recursive records.
type mapper struct{ open map[string]bool }

// plan returns the decoding plan of a container's schema, which must be a record.
func plan(s avro.Schema) (*node, error) {
	if s.Type() != avro.Record {
		return nil, fmt.Errorf("the file's schema is a %s, not a record", s.Type())
	}
	return (&mapper{open: map[string]bool{}}).node(s)
}

func (m *mapper) node(s avro.Schema) (*node, error) {
	switch x := s.(type) {
	case *avro.RefSchema:
		return m.node(x.Schema())
	case *avro.NullSchema:
		return &node{kind: kNull, typ: types.String}, nil
	case *avro.PrimitiveSchema:
		return primitive(x)
	case *avro.FixedSchema:
		return fixed(x)
	case *avro.EnumSchema:
		return &node{kind: kEnum, typ: types.String, symbols: x.Symbols()}, nil
	case *avro.ArraySchema:
		return m.container(kArray, x.Items())
	case *avro.MapSchema:
		return m.container(kMap, x.Values())
	case *avro.RecordSchema:
		return m.record(x)
	case *avro.UnionSchema:
		return m.union(x)
	}
	return nil, fmt.Errorf("Avro type %s has no SQL type", s.Type())
}

func primitive(s *avro.PrimitiveSchema) (*node, error) {
	lt := avro.LogicalType("")
	if s.Logical() != nil {
		lt = s.Logical().Type()
	}
	switch s.Type() {
	case avro.Boolean:
		return &node{kind: kBool, typ: types.Bool}, nil
	case avro.Int:
		return intNode(lt), nil
	case avro.Long:
		return longNode(lt), nil
	case avro.Float:
		return &node{kind: kFloat, typ: types.Double}, nil
	case avro.Double:
		return &node{kind: kDouble, typ: types.Double}, nil
	case avro.String:
		return &node{kind: kString, typ: types.String}, nil
	}
	if d, ok := s.Logical().(*avro.DecimalLogicalSchema); ok {
		return decimal(kDecimal, kWideDecimal, d.Precision(), d.Scale(), 0)
	}
	return &node{kind: kBytes, typ: types.Bytes}, nil
}

func intNode(lt avro.LogicalType) *node {
	if lt == avro.Date {
		return &node{kind: kInt, typ: types.Date}
	}
	return &node{kind: kInt, typ: types.Int}
}

func longNode(lt avro.LogicalType) *node {
	switch lt {
	case avro.TimestampMillis, avro.LocalTimestampMillis:
		return &node{kind: kLong, typ: types.Timestamp}
	case avro.TimestampMicros, avro.LocalTimestampMicros:
		return &node{kind: kMicros, typ: types.Timestamp}
	}
	return &node{kind: kLong, typ: types.BigInt}
}

func fixed(s *avro.FixedSchema) (*node, error) {
	if d, ok := s.Logical().(*avro.DecimalLogicalSchema); ok {
		return decimal(kFixedDec, kWideFixed, d.Precision(), d.Scale(), s.Size())
	}
	return &node{kind: kFixed, typ: types.Bytes, size: s.Size()}, nil
}

func decimal(narrow, wide kind, p, s, size int) (*node, error) {
	if p < 1 || s < 0 || s > p {
		return nil, fmt.Errorf("decimal(%d,%d) is not a valid decimal", p, s)
	}
	n := &node{kind: narrow, typ: types.Decimal(p, s), scale: s, size: size}
	if p > types.MaxDecimalPrecision {
		n.kind = wide
	}
	return n, nil
}

func (m *mapper) container(k kind, elem avro.Schema) (*node, error) {
	e, err := m.node(elem)
	if err != nil {
		return nil, err
	}
	t := types.ArrayOf(e.typ)
	if k == kMap {
		t = types.MapOf(e.typ)
	}
	return &node{kind: k, typ: t, kids: []*node{e}}, nil
}

func (m *mapper) record(s *avro.RecordSchema) (*node, error) {
	if m.open[s.FullName()] {
		return nil, fmt.Errorf("record %s is recursive: it has no SQL type", s.FullName())
	}
	m.open[s.FullName()] = true
	defer delete(m.open, s.FullName())
	n := &node{kind: kRecord}
	fields := make([]types.Field, 0, len(s.Fields()))
	for _, f := range s.Fields() {
		k, err := m.node(f.Type())
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", f.Name(), err)
		}
		n.kids, n.names = append(n.kids, k), append(n.names, f.Name())
		fields = append(fields, types.Field{Name: f.Name(), Type: k.typ, NotNull: !k.nullable()})
	}
	n.typ = types.StructOf(fields...)
	return n, nil
}

// union plans a union: with one non-null branch it is that branch, nullable.
func (m *mapper) union(s *avro.UnionSchema) (*node, error) {
	n := &node{kind: kUnion, null: -1}
	var members []types.Field
	for i, b := range s.Types() {
		k, err := m.node(b)
		if err != nil {
			return nil, err
		}
		n.kids = append(n.kids, k)
		if b.Type() == avro.Null {
			n.null = i
			continue
		}
		members = append(members, types.Field{Name: branchName(b), Type: k.typ})
	}
	switch len(members) {
	case 0:
		n.typ = types.String
	case 1:
		n.typ = members[0].Type
	default:
		n.typ, n.multi = types.StructOf(members...), true
	}
	return n, nil
}

// branchName names a union branch: a named type's name, else the type's name.
func branchName(s avro.Schema) string {
	if r, ok := s.(*avro.RefSchema); ok {
		s = r.Schema()
	}
	if n, ok := s.(avro.NamedSchema); ok {
		return n.Name()
	}
	return string(s.Type())
}

func (n *node) nullable() bool { return n.kind == kNull || n.kind == kUnion && n.null >= 0 }
