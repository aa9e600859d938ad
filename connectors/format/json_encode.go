package format

import (
	"encoding/base64"
	"math"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/sluicedata/sluice/types"
)

// JSONEncoder writes one JSON object per row, keys in schema order, per SQL.md "Output
// encodings": TIMESTAMP as "2026-11-25T10:00:00.000Z", DATE as "2026-11-25", DECIMAL as a
// number with its scale's digits, INT/BIGINT as integers, DOUBLE as the shortest round-trip
// decimal written like Python's repr (113.0, 98.60000000000001, 1e-05, 1e+16; NaN and
// infinities as null), BYTES as base64, ARRAY as an array, MAP (keys sorted) and STRUCT as
// objects, NULL as null.
type JSONEncoder struct {
	keys [][]byte // `"name":` with a leading ',' for all but the first
}

// NewJSONEncoder returns a JSON encoder for rows of s.
func NewJSONEncoder(s *types.Schema) *JSONEncoder {
	return &JSONEncoder{keys: jsonKeys(s.Names())}
}

func jsonKeys(names []string) [][]byte {
	keys := make([][]byte, len(names))
	for i, n := range names {
		var k []byte
		if i > 0 {
			k = append(k, ',')
		}
		k = AppendString(k, n)
		keys[i] = append(k, ':')
	}
	return keys
}

// Header appends nothing: JSON lines have no header.
func (e *JSONEncoder) Header(dst []byte) []byte { return dst }

// AppendBatch appends every row of b as a line.
func (e *JSONEncoder) AppendBatch(dst []byte, b *types.Batch) []byte {
	for i := 0; i < b.Len; i++ {
		dst = e.AppendRow(dst, b, i)
		dst = append(dst, '\n')
	}
	return dst
}

// AppendRow appends row i of b as one JSON object, without a newline.
func (e *JSONEncoder) AppendRow(dst []byte, b *types.Batch, i int) []byte {
	dst = append(dst, '{')
	for c, v := range b.Cols {
		dst = append(dst, e.keys[c]...)
		dst = AppendVectorValue(dst, v, i)
	}
	return append(dst, '}')
}

// AppendJSONRow appends row i of b as one JSON object with the given keys (the schema's
// names when names is nil), without a newline. For hot loops use a JSONEncoder.
func AppendJSONRow(dst []byte, b *types.Batch, i int, names []string) []byte {
	if names == nil {
		names = b.Schema.Names()
	}
	return (&JSONEncoder{keys: jsonKeys(names)}).AppendRow(dst, b, i)
}

// AppendVectorValue appends row i of v as JSON.
func AppendVectorValue(dst []byte, v *types.Vector, i int) []byte {
	if v.Nulls.Get(i) {
		return append(dst, "null"...)
	}
	switch types.Storage(v.Type.Kind) {
	case types.StoreI64:
		return appendI64(dst, &v.Type, v.I64[i])
	case types.StoreF64:
		return AppendDouble(dst, v.F64[i])
	case types.StoreBool:
		return strconv.AppendBool(dst, v.Bool[i])
	case types.StoreStr:
		return appendStr(dst, v.Type.Kind, v.Str[i])
	}
	return AppendValue(dst, v.Type, v.Any[i])
}

// AppendValue appends a Value (types/value.go conventions) of type t as JSON.
func AppendValue(dst []byte, t types.Type, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(dst, "null"...)
	case int64:
		return appendI64(dst, &t, x)
	case float64:
		return AppendDouble(dst, x)
	case bool:
		return strconv.AppendBool(dst, x)
	case string:
		return appendStr(dst, t.Kind, x)
	case []any:
		return appendList(dst, t, x)
	case map[string]any:
		return appendMap(dst, t, x)
	}
	return append(dst, "null"...)
}

func appendI64(dst []byte, t *types.Type, x int64) []byte {
	switch t.Kind {
	case types.KindTimestamp:
		return append(AppendTimestamp(append(dst, '"'), x), '"')
	case types.KindDate:
		return append(AppendDate(append(dst, '"'), x), '"')
	case types.KindDecimal:
		return AppendDecimal(dst, x, t.Scale)
	}
	return strconv.AppendInt(dst, x, 10)
}

func appendStr(dst []byte, k types.Kind, s string) []byte {
	if k == types.KindBytes {
		dst = append(dst, '"')
		dst = base64.StdEncoding.AppendEncode(dst, []byte(s))
		return append(dst, '"')
	}
	return AppendString(dst, s)
}

// appendList appends an ARRAY as a JSON array or a STRUCT as an object.
func appendList(dst []byte, t types.Type, x []any) []byte {
	if t.Kind == types.KindStruct {
		dst = append(dst, '{')
		for i, f := range t.Fields {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(AppendString(dst, f.Name), ':')
			dst = AppendValue(dst, f.Type, elemAt(x, i))
		}
		return append(dst, '}')
	}
	elem := elemType(t)
	dst = append(dst, '[')
	for i, e := range x {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendValue(dst, elem, e)
	}
	return append(dst, ']')
}

func elemAt(x []any, i int) any {
	if i < len(x) {
		return x[i]
	}
	return nil
}

func elemType(t types.Type) types.Type {
	if t.Elem != nil {
		return *t.Elem
	}
	return types.Null
}

func appendMap(dst []byte, t types.Type, m map[string]any) []byte {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	elem := elemType(t)
	dst = append(dst, '{')
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(AppendString(dst, k), ':')
		dst = AppendValue(dst, elem, m[k])
	}
	return append(dst, '}')
}

// AppendDouble appends f as the shortest decimal that reads back as f, written like Python's
// repr: fixed notation with at least one fraction digit for 1e-4 <= |f| < 1e16, else exponent
// notation (1e-05, 1.5e+16); NaN and infinities as null.
func AppendDouble(dst []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(dst, "null"...)
	}
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.AppendFloat(dst, f, 'e', -1, 64)
	}
	n := len(dst)
	dst = strconv.AppendFloat(dst, f, 'f', -1, 64)
	for _, c := range dst[n:] {
		if c == '.' {
			return dst
		}
	}
	return append(dst, '.', '0')
}

// AppendDecimal appends an unscaled DECIMAL value with scale digits after the point.
func AppendDecimal(dst []byte, unscaled int64, scale int) []byte {
	if scale <= 0 {
		return strconv.AppendInt(dst, unscaled, 10)
	}
	u := uint64(unscaled)
	if unscaled < 0 {
		dst, u = append(dst, '-'), uint64(-unscaled)
	}
	var buf [24]byte
	digits := strconv.AppendUint(buf[:0], u, 10)
	for len(digits) <= scale {
		digits = append([]byte{'0'}, digits...)
	}
	p := len(digits) - scale
	dst = append(dst, digits[:p]...)
	dst = append(dst, '.')
	return append(dst, digits[p:]...)
}

const hexDigits = "0123456789abcdef"

// needsEscape marks the ASCII bytes that JSON strings cannot hold as they are.
var needsEscape = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	for c := 0x80; c < 0x100; c++ {
		t[c] = true // checked for valid UTF-8
	}
	return t
}()

// AppendString appends s as a quoted JSON string: quotes, backslashes and control characters
// escaped, invalid UTF-8 replaced by U+FFFD, everything else as is.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if !needsEscape[c] {
			i++
			continue
		}
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
		}
		dst = append(dst, s[start:i]...)
		dst = appendEscape(dst, c)
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	if c >= 0x80 {
		return append(dst, "\ufffd"...)
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
}
