package eval

import (
	"math/bits"

	"github.com/sluicedata/sluice/types"
)

// Helpers shared by the kernels: sizing reused output vectors and combining NULL bitmaps.
// Every kernel output holds exactly b.Len rows, and the value slot of a NULL row holds the
// zero value (types.Vector's convention), so that consumers may hash or compare slots blindly.

// fit returns s resized to n elements, reusing its storage when it is large enough. The
// elements are not cleared: kernels overwrite all n of them.
func fit[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, n+n/4)
}

// prepare sizes out for n rows of its type and clears its NULL bitmap.
func prepare(out *types.Vector, n int) {
	out.Nulls = out.Nulls[:0]
	switch types.Storage(out.Type.Kind) {
	case types.StoreI64:
		out.I64 = fit(out.I64, n)
	case types.StoreF64:
		out.F64 = fit(out.F64, n)
	case types.StoreBool:
		out.Bool = fit(out.Bool, n)
	case types.StoreStr:
		out.Str = fit(out.Str, n)
	default:
		out.Any = fit(out.Any, n)
	}
}

// newOut returns an output vector of type t.
func newOut(t types.Type) *types.Vector { return types.NewVector(t, 0) }

func nwords(n int) int { return (n + 63) >> 6 }

// orNulls ORs src's bits for rows below n into dst (which covers n rows or is empty).
func orNulls(dst types.Bitmap, src types.Bitmap, n int) types.Bitmap {
	if len(src) == 0 || n == 0 {
		return dst
	}
	w := nwords(n)
	if len(dst) == 0 {
		dst = fit(dst, w)
		clear(dst)
	}
	for i := 0; i < w && i < len(src); i++ {
		dst[i] |= src[i]
	}
	if r := n & 63; r != 0 {
		dst[w-1] &= 1<<uint(r) - 1
	}
	return dst
}

// unionNulls returns the NULL bitmap of rows that are NULL in a or b, built in dst's storage.
func unionNulls(dst, a, b types.Bitmap, n int) types.Bitmap {
	dst = orNulls(dst[:0], a, n)
	return orNulls(dst, b, n)
}

// setNull marks row i NULL.
func setNull(v *types.Vector, i int) { v.Nulls.Set(i) }

// hasNulls reports whether any row below n is NULL.
func hasNulls(b types.Bitmap, n int) bool {
	w := nwords(n)
	for i := 0; i < w && i < len(b); i++ {
		x := b[i]
		if i == w-1 && n&63 != 0 {
			x &= 1<<uint(n&63) - 1
		}
		if x != 0 {
			return true
		}
	}
	return false
}

// eachNull calls f for every NULL row below n.
func eachNull(b types.Bitmap, n int, f func(i int)) {
	for w, x := range b {
		for x != 0 {
			i := w<<6 + bits.TrailingZeros64(x)
			if i >= n {
				return
			}
			f(i)
			x &= x - 1
		}
	}
}

// zeroNulls clears the value slots of NULL rows below n.
func zeroNulls[T any](s []T, nulls types.Bitmap, n int) {
	var z T
	for w, x := range nulls {
		for x != 0 {
			i := w<<6 + bits.TrailingZeros64(x)
			if i >= n {
				return
			}
			s[i] = z
			x &= x - 1
		}
	}
}

// zeroNullSlots clears the NULL slots of out, whatever its storage.
func zeroNullSlots(out *types.Vector, n int) {
	if len(out.Nulls) == 0 {
		return
	}
	switch types.Storage(out.Type.Kind) {
	case types.StoreI64:
		zeroNulls(out.I64, out.Nulls, n)
	case types.StoreF64:
		zeroNulls(out.F64, out.Nulls, n)
	case types.StoreBool:
		zeroNulls(out.Bool, out.Nulls, n)
	case types.StoreStr:
		zeroNulls(out.Str, out.Nulls, n)
	default:
		zeroNulls(out.Any, out.Nulls, n)
	}
}

// putValue stores a Value (nil for NULL) in slot i of a prepared vector. A value of the wrong
// Go type (which the Value conventions rule out) becomes NULL rather than a panic.
func putValue(v *types.Vector, i int, x any) {
	ok := x != nil
	switch types.Storage(v.Type.Kind) {
	case types.StoreI64:
		v.I64[i], ok = x.(int64)
	case types.StoreF64:
		v.F64[i], ok = x.(float64)
	case types.StoreBool:
		v.Bool[i], ok = x.(bool)
	case types.StoreStr:
		v.Str[i], ok = x.(string)
	default:
		v.Any[i] = x
	}
	if !ok {
		v.SetNull(i)
	}
}
