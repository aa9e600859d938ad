package format

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/sluicedata/sluice/types"
)

// Convert converts v, a Value of the file's type src (types/value.go conventions; a wide
// DECIMAL is its decimal text), to the declared type dst. The rules of typed formats (Parquet,
// Avro), where a value that does not fit is a "schema" error:
//
//	INT, BIGINT   integers (INT within range), whole DOUBLEs, DECIMALs without a fraction
//	DOUBLE        DOUBLE, integers, DECIMALs
//	DECIMAL(p,s)  integers and DECIMALs rescaled (rounded half away from zero), DOUBLEs and
//	              numeric text, when the value fits p
//	BOOLEAN       BOOLEAN
//	STRING        STRING, UTF-8 BYTES, the text of any other value (JSON text for nested ones)
//	BYTES         BYTES, STRING
//	TIMESTAMP     TIMESTAMP, DATE (midnight UTC), integers (epoch ms), RFC 3339 text
//	DATE          DATE, integers (epoch days), YYYY-MM-DD text
//	ARRAY, MAP    ARRAY, MAP of convertible elements
//	STRUCT        STRUCT, members matched by name (case-insensitive; a missing one is NULL)
func Convert(v any, src, dst types.Type) (any, *RecordError) {
	if v == nil || SameType(&src, &dst) {
		return v, nil
	}
	switch dst.Kind {
	case types.KindArray:
		return convertArray(v, src, dst)
	case types.KindMap:
		return convertMap(v, src, dst)
	case types.KindStruct:
		return convertStruct(v, src, dst)
	}
	c := ValueCell(v, &src)
	return convertScalar(&c, &src, &dst)
}

func convertScalar(c *Cell, src, dst *types.Type) (any, *RecordError) {
	var x any
	var err *RecordError
	switch types.Storage(dst.Kind) {
	case types.StoreI64:
		x, err = cellInt64(c, src, dst)
	case types.StoreF64:
		x, err = cellFloat(c, src)
	case types.StoreBool:
		x, err = cellBool(c, src)
	case types.StoreStr:
		x, err = cellString(c, src, dst, func(p []byte) string { return string(p) })
	default:
		err = mismatch(c, src, dst)
	}
	if err != nil {
		return nil, err
	}
	return x, nil
}

func convertArray(v any, src, dst types.Type) (any, *RecordError) {
	in, ok := v.([]any)
	if !ok || src.Kind != types.KindArray {
		return nil, mismatchValue(v, src, dst)
	}
	out := make([]any, len(in))
	for i, e := range in {
		x, err := Convert(e, *src.Elem, *dst.Elem)
		if err != nil {
			return nil, err.in("element " + strconv.Itoa(i+1) + " of the array")
		}
		out[i] = x
	}
	return out, nil
}

func convertMap(v any, src, dst types.Type) (any, *RecordError) {
	in, ok := v.(map[string]any)
	if !ok || src.Kind != types.KindMap {
		return nil, mismatchValue(v, src, dst)
	}
	out := make(map[string]any, len(in))
	for k, e := range in {
		x, err := Convert(e, *src.Elem, *dst.Elem)
		if err != nil {
			return nil, err.in("key " + k + " of the map")
		}
		out[k] = x
	}
	return out, nil
}

func convertStruct(v any, src, dst types.Type) (any, *RecordError) {
	in, ok := v.([]any)
	if !ok || src.Kind != types.KindStruct {
		return nil, mismatchValue(v, src, dst)
	}
	out := make([]any, len(dst.Fields))
	for i, f := range dst.Fields {
		sf, j, ok := src.Field(f.Name)
		if !ok || j >= len(in) {
			continue
		}
		x, err := Convert(in[j], sf.Type, f.Type)
		if err != nil {
			return nil, err.in("member " + f.Name)
		}
		out[i] = x
	}
	return out, nil
}

func mismatchValue(v any, src, dst types.Type) *RecordError {
	c := ValueCell(v, &src)
	return mismatch(&c, &src, &dst)
}

// ValueCell holds a Value of type t in a Cell (S aliases a string's bytes: read only).
func ValueCell(v any, t *types.Type) Cell {
	switch x := v.(type) {
	case nil:
		return Cell{Null: true}
	case int64:
		return Cell{I: x}
	case float64:
		return Cell{F: x}
	case bool:
		return Cell{B: x}
	case string:
		return Cell{S: unsafe.Slice(unsafe.StringData(x), len(x))}
	}
	return Cell{V: v}
}

// CellValue returns the Value of a Cell of type t (a copy of its bytes for strings).
func CellValue(c *Cell, t *types.Type) any {
	if c.Null {
		return nil
	}
	if Wide(t) {
		return string(c.S)
	}
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return c.I
	case types.StoreF64:
		return c.F
	case types.StoreBool:
		return c.B
	case types.StoreStr:
		return string(c.S)
	}
	return c.V
}

// SameType reports whether two types are identical (Type.Equal without printing them).
func SameType(a, b *types.Type) bool {
	if a.Kind != b.Kind || a.Precision != b.Precision || a.Scale != b.Scale || len(a.Fields) != len(b.Fields) {
		return false
	}
	if (a.Elem == nil) != (b.Elem == nil) || a.Elem != nil && !SameType(a.Elem, b.Elem) {
		return false
	}
	for i := range a.Fields {
		if !strings.EqualFold(a.Fields[i].Name, b.Fields[i].Name) || !SameType(&a.Fields[i].Type, &b.Fields[i].Type) {
			return false
		}
	}
	return true
}

// ResolvedSchema is the schema a stream without a column list gets from a file's schema: the
// same columns, with wide DECIMALs (see Wide) as STRING, at any depth.
func ResolvedSchema(file *types.Schema) *types.Schema {
	out := *file
	out.Fields = resolvedFields(file.Fields)
	return &out
}

func resolvedFields(fs []types.Field) []types.Field {
	out := make([]types.Field, len(fs))
	for i, f := range fs {
		out[i] = f
		out[i].Type = resolvedType(f.Type)
	}
	return out
}

func resolvedType(t types.Type) types.Type {
	switch {
	case Wide(&t):
		return types.String
	case t.Elem != nil:
		e := resolvedType(*t.Elem)
		t.Elem = &e
	case t.Kind == types.KindStruct:
		t.Fields = resolvedFields(t.Fields)
	}
	return t
}

// in prefixes the message with where in a nested value the problem is.
func (e *RecordError) in(where string) *RecordError {
	return &RecordError{Reason: e.Reason, Msg: where + ": " + e.Msg}
}
