package avro

import (
	"encoding/binary"
	"maps"
	"math"
	"slices"

	"github.com/sluicedata/sluice/types"
)

// appendColumn appends row i of v as the union ["null", T]: branch 0 for NULL, else branch 1
// and the value.
func appendColumn(dst []byte, t *types.Type, v *types.Vector, i int) []byte {
	if v.IsNull(i) {
		return appendLong(dst, 0)
	}
	dst = appendLong(dst, 1)
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return appendI64(dst, t, v.I64[i])
	case types.StoreF64:
		return binary.LittleEndian.AppendUint64(dst, math.Float64bits(v.F64[i]))
	case types.StoreBool:
		return appendBool(dst, v.Bool[i])
	case types.StoreStr:
		return appendString(dst, v.Str[i])
	}
	return appendNested(dst, t, v.Any[i])
}

// appendValue appends a Value (types/value.go conventions) as the union ["null", T].
func appendValue(dst []byte, t *types.Type, x any) []byte {
	if x == nil {
		return appendLong(dst, 0)
	}
	dst = appendLong(dst, 1)
	switch v := x.(type) {
	case int64:
		return appendI64(dst, t, v)
	case float64:
		return binary.LittleEndian.AppendUint64(dst, math.Float64bits(v))
	case bool:
		return appendBool(dst, v)
	case string:
		return appendString(dst, v)
	}
	return appendNested(dst, t, x)
}

func appendNested(dst []byte, t *types.Type, x any) []byte {
	switch t.Kind {
	case types.KindArray:
		return appendArray(dst, t.Elem, x)
	case types.KindMap:
		return appendMap(dst, t.Elem, x)
	}
	members, _ := x.([]any)
	for j := range t.Fields {
		var m any
		if j < len(members) {
			m = members[j]
		}
		dst = appendValue(dst, &t.Fields[j].Type, m)
	}
	return dst
}

// appendArray writes one block of the items (none for an empty array), then the end.
func appendArray(dst []byte, elem *types.Type, x any) []byte {
	items, _ := x.([]any)
	if len(items) > 0 {
		dst = appendLong(dst, int64(len(items)))
		for _, it := range items {
			dst = appendValue(dst, elem, it)
		}
	}
	return appendLong(dst, 0)
}

func appendMap(dst []byte, elem *types.Type, x any) []byte {
	m, _ := x.(map[string]any)
	if len(m) > 0 {
		dst = appendLong(dst, int64(len(m)))
		for _, k := range slices.Sorted(maps.Keys(m)) { // keys in order: the same rows, the same bytes
			dst = appendString(dst, k)
			dst = appendValue(dst, elem, m[k])
		}
	}
	return appendLong(dst, 0)
}

// appendI64: INT and DATE as int, DECIMAL as its unscaled two's complement bytes, the rest
// as long (the same zig-zag varint for int and long).
func appendI64(dst []byte, t *types.Type, x int64) []byte {
	if t.Kind == types.KindDecimal {
		var b [8]byte
		binary.BigEndian.PutUint64(b[:], uint64(x))
		k := 0 // drop the sign-extension bytes that the next byte's top bit repeats
		for k < 7 && (b[k] == 0 && b[k+1]&0x80 == 0 || b[k] == 0xff && b[k+1]&0x80 != 0) {
			k++
		}
		return append(appendLong(dst, int64(8-k)), b[k:]...)
	}
	return appendLong(dst, x)
}

func appendLong(dst []byte, x int64) []byte {
	return binary.AppendUvarint(dst, uint64(x<<1)^uint64(x>>63))
}

func appendBool(dst []byte, b bool) []byte {
	if b {
		return append(dst, 1)
	}
	return append(dst, 0)
}

func appendString(dst []byte, s string) []byte {
	return append(appendLong(dst, int64(len(s))), s...)
}
