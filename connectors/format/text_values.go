package format

import (
	"bytes"
	"encoding/base64"

	"github.com/sluicedata/sluice/types"
)

// ParseText parses the text form of a scalar value (CSV fields, option values) and appends it
// to v; a text that does not fit v's type is a "schema" error and appends nothing. Forms:
// BOOLEAN true/false/1/0 (any case), INT/BIGINT whole numbers, DOUBLE and DECIMAL numbers,
// TIMESTAMP RFC 3339 or epoch ms, DATE YYYY-MM-DD or epoch days, BYTES base64, STRING as is.
// Surrounding spaces are ignored except for STRING.
func ParseText(b *Builder, v *types.Vector, text []byte) *RecordError {
	t := &v.Type
	if t.Kind == types.KindString {
		v.Str = append(v.Str, b.String(text))
		return nil
	}
	text = bytes.TrimSpace(text)
	var ok bool
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		var x int64
		x, ok = int64Text(t, text)
		appendIf(&v.I64, x, ok)
	case types.StoreF64:
		var x float64
		x, ok = parseFloat(text)
		appendIf(&v.F64, x, ok)
	case types.StoreBool:
		var x bool
		x, ok = boolText(text)
		appendIf(&v.Bool, x, ok)
	case types.StoreStr:
		ok = appendBase64(b, v, text)
	}
	if !ok {
		return schemaErr("expected %s%s, found %s", t, hintOf(t), quoteShort(text))
	}
	return nil
}

func appendIf[T any](s *[]T, x T, ok bool) {
	if ok {
		*s = append(*s, x)
	}
}

func int64Text(t *types.Type, text []byte) (int64, bool) {
	if x, ok := int64FromText(t, text); ok {
		return x, true
	}
	if t.Kind == types.KindDecimal {
		return 0, false
	}
	x, ok := parseInt(text)
	if t.Kind == types.KindInt && (x < -1<<31 || x >= 1<<31) {
		return 0, false
	}
	return x, ok
}

func boolText(text []byte) (bool, bool) {
	switch {
	case bytes.EqualFold(text, []byte("true")) || string(text) == "1":
		return true, true
	case bytes.EqualFold(text, []byte("false")) || string(text) == "0":
		return false, true
	}
	return false, false
}

func appendBase64(b *Builder, v *types.Vector, text []byte) bool {
	out := make([]byte, base64.StdEncoding.DecodedLen(len(text)))
	n, err := base64.StdEncoding.Decode(out, text)
	if err != nil {
		return false
	}
	v.Str = append(v.Str, b.String(out[:n]))
	return true
}
