package parquet

import (
	pq "github.com/parquet-go/parquet-go"

	"github.com/sluicedata/sluice/types"
)

// shredColumn appends the leaf values of rows sel of vector v. Scalar top-level columns (the
// common case) take typed loops over the vector's slices; nested ones go through the shredder.
func shredColumn(s *shredder, v *types.Vector, sel []int, out [][]pq.Value) error {
	if s.kids != nil {
		for _, i := range sel {
			if err := s.shred(v.Value(i), 0, out); err != nil {
				return err
			}
		}
		return nil
	}
	dst := out[s.leaf]
	switch flatKind(s.t) {
	case flatI32:
		dst = appendFlat(dst, s.leaf, v, sel, func(i int) pq.Value { return pq.Int32Value(int32(v.I64[i])) })
	case flatI64:
		dst = appendFlat(dst, s.leaf, v, sel, func(i int) pq.Value { return pq.Int64Value(v.I64[i]) })
	case flatF64:
		dst = appendFlat(dst, s.leaf, v, sel, func(i int) pq.Value { return pq.DoubleValue(v.F64[i]) })
	case flatBool:
		dst = appendFlat(dst, s.leaf, v, sel, func(i int) pq.Value { return pq.BooleanValue(v.Bool[i]) })
	default:
		dst = appendFlat(dst, s.leaf, v, sel, func(i int) pq.Value { return stringValue(v.Str[i]) })
	}
	out[s.leaf] = dst
	return nil
}

// Physical families of scalar columns.
const (
	flatI32 = iota
	flatI64
	flatF64
	flatBool
	flatBytes
)

func flatKind(t types.Type) int {
	switch t.Kind {
	case types.KindInt, types.KindDate:
		return flatI32
	case types.KindDecimal:
		if decimalIsInt32(t) {
			return flatI32
		}
		return flatI64
	case types.KindBigInt, types.KindTimestamp:
		return flatI64
	case types.KindDouble:
		return flatF64
	case types.KindBool:
		return flatBool
	}
	return flatBytes
}

// appendFlat shreds a top-level scalar column: definition level 1 when present, 0 when NULL.
// get is inlined by the compiler into each instantiation's loop.
func appendFlat(dst []pq.Value, c int, v *types.Vector, sel []int, get func(int) pq.Value) []pq.Value {
	if !v.Nulls.Any() {
		for _, i := range sel {
			dst = append(dst, get(i).Level(0, 1, c))
		}
		return dst
	}
	for _, i := range sel {
		if v.Nulls.Get(i) {
			dst = append(dst, pq.Value{}.Level(0, 0, c))
		} else {
			dst = append(dst, get(i).Level(0, 1, c))
		}
	}
	return dst
}
