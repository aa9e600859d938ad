// Package parquet encodes Sluice batches as Parquet files with parquet-go: the schema is built
// from a types.Schema at runtime (no Go structs), values are shredded column by column into
// parquet-go's column writers, and SQL types map to Parquet logical types as SQL.md says.
package parquet

import (
	"fmt"

	pq "github.com/parquet-go/parquet-go"

	"github.com/sluicedata/sluice/types"
)

// Schema returns the Parquet schema of the columns of s not marked in skip (partition columns
// live in folder names): every column is OPTIONAL (NULL is a value of every type), in schema
// order.
//
//	BOOLEAN        boolean
//	INT            int32 INT(32, signed)
//	BIGINT         int64 INT(64, signed)
//	DOUBLE         double
//	DECIMAL(p,s)   int32 (p ≤ 9) or int64 DECIMAL(p, s)
//	STRING         binary STRING (UTF8)
//	BYTES          binary
//	TIMESTAMP      int64 TIMESTAMP(MILLIS, isAdjustedToUTC=true)
//	DATE           int32 DATE
//	ARRAY<T>       LIST group (3-level: list / element)
//	MAP<STRING,T>  MAP group (key_value / key, value)
//	STRUCT<...>    group with the members in order
func Schema(name string, s *types.Schema, skip []bool) (*pq.Schema, error) {
	var names []string
	var nodes []pq.Node
	for i, f := range s.Fields {
		if i < len(skip) && skip[i] {
			continue
		}
		n, err := node(f.Type)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", f.Name, err)
		}
		names = append(names, f.Name)
		nodes = append(nodes, pq.Optional(n))
	}
	if len(nodes) == 0 {
		return nil, fmt.Errorf("no column to write")
	}
	return pq.NewSchema(name, newOrderedGroup(names, nodes)), nil
}

// node returns the (required) Parquet node of t; callers wrap it in Optional.
func node(t types.Type) (pq.Node, error) {
	switch t.Kind {
	case types.KindBool:
		return pq.Leaf(pq.BooleanType), nil
	case types.KindInt:
		return pq.Int(32), nil
	case types.KindBigInt:
		return pq.Int(64), nil
	case types.KindDouble:
		return pq.Leaf(pq.DoubleType), nil
	case types.KindDecimal:
		return decimalNode(t), nil
	case types.KindString:
		return pq.String(), nil
	case types.KindBytes:
		return pq.Leaf(pq.ByteArrayType), nil
	case types.KindTimestamp:
		return pq.TimestampAdjusted(pq.Millisecond, true), nil
	case types.KindDate:
		return pq.Date(), nil
	}
	return nestedNode(t)
}

func nestedNode(t types.Type) (pq.Node, error) {
	switch t.Kind {
	case types.KindArray, types.KindMap:
		elem, err := node(*t.Elem)
		if err != nil {
			return nil, err
		}
		if t.Kind == types.KindArray {
			return pq.List(pq.Optional(elem)), nil
		}
		return pq.Map(pq.String(), pq.Optional(elem)), nil
	case types.KindStruct:
		return structNode(t)
	}
	return nil, fmt.Errorf("type %s has no Parquet mapping", t)
}

func structNode(t types.Type) (pq.Node, error) {
	if len(t.Fields) == 0 {
		return nil, fmt.Errorf("STRUCT without members has no Parquet mapping")
	}
	names := make([]string, len(t.Fields))
	nodes := make([]pq.Node, len(t.Fields))
	for i, f := range t.Fields {
		n, err := node(f.Type)
		if err != nil {
			return nil, err
		}
		names[i], nodes[i] = f.Name, pq.Optional(n)
	}
	return newOrderedGroup(names, nodes), nil
}

// decimalNode stores DECIMAL(p,s) in int32 when p ≤ 9, else int64 (p ≤ 18, types' limit).
func decimalNode(t types.Type) pq.Node {
	p := t.Precision
	if p < 1 || p > types.MaxDecimalPrecision {
		p = types.MaxDecimalPrecision
	}
	if p <= 9 {
		return pq.Decimal(t.Scale, p, pq.Int32Type)
	}
	return pq.Decimal(t.Scale, p, pq.Int64Type)
}

// decimalIsInt32 reports whether decimalNode stores t in int32.
func decimalIsInt32(t types.Type) bool { return t.Precision >= 1 && t.Precision <= 9 }
