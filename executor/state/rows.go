package state

import (
	"math"

	"github.com/sluicedata/sluice/types"
)

// rowsEqual compares row i of a with row j of b (same storage class); two NULLs are equal.
func rowsEqual(a *types.Vector, i int, b *types.Vector, j int) bool {
	an, bn := a.Nulls.Get(i), b.Nulls.Get(j)
	if an || bn {
		return an == bn
	}
	switch types.Storage(a.Type.Kind) {
	case types.StoreI64:
		return a.I64[i] == b.I64[j]
	case types.StoreF64:
		return a.F64[i] == b.F64[j]
	case types.StoreBool:
		return a.Bool[i] == b.Bool[j]
	case types.StoreStr:
		return a.Str[i] == b.Str[j]
	}
	return ValuesEqual(a.Any[i], b.Any[j])
}

// Identical reports whether row i of a and row j of b (same storage class) hold the same value:
// two NULLs are identical, and doubles are compared bit for bit (a NaN is identical to itself,
// 0 and -0 differ), so that a changed rendering is never taken for no change.
func Identical(a *types.Vector, i int, b *types.Vector, j int) bool {
	if types.Storage(a.Type.Kind) == types.StoreF64 && !a.Nulls.Get(i) && !b.Nulls.Get(j) {
		return math.Float64bits(a.F64[i]) == math.Float64bits(b.F64[j])
	}
	return rowsEqual(a, i, b, j)
}

// ValuesEqual compares two Values by their encoding (nested values are rare in keys).
func ValuesEqual(x, y any) bool {
	var ex, ey Encoder
	ex.Value(x)
	ey.Value(y)
	return string(ex.Bytes()) == string(ey.Bytes())
}

// RowsEqual compares row i of a with row j of b under SQL equality of keys for joins: a NULL is
// equal to nothing.
func RowsEqual(a *types.Vector, i int, b *types.Vector, j int) bool {
	return !a.Nulls.Get(i) && !b.Nulls.Get(j) && rowsEqual(a, i, b, j)
}

// setRow writes row j of src into row i of dst, appending when i == dst.Len().
func setRow(dst *types.Vector, i int, src *types.Vector, j int) {
	if i == dst.Len() {
		dst.AppendFrom(src, j)
		return
	}
	dst.SetFrom(i, src, j)
}

// clearRow zeroes row i so that a freed slot keeps no string or nested value alive.
func clearRow(v *types.Vector, i int) {
	v.Nulls.Clear(i)
	switch types.Storage(v.Type.Kind) {
	case types.StoreStr:
		v.Str[i] = ""
	case types.StoreAny:
		v.Any[i] = nil
	}
}

// HasNull reports whether any of cols is NULL at row.
func HasNull(cols []*types.Vector, row int) bool {
	for _, c := range cols {
		if c.Nulls.Get(row) {
			return true
		}
	}
	return false
}
