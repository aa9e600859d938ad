package executor

import (
	"github.com/sluicedata/sluice/types"
)

// cloneVector copies the first n rows of v (kernels reuse their output vectors).
func cloneVector(v *types.Vector, n int) *types.Vector {
	out := &types.Vector{Type: v.Type}
	switch types.Storage(v.Type.Kind) {
	case types.StoreI64:
		out.I64 = append([]int64(nil), v.I64[:n]...)
	case types.StoreF64:
		out.F64 = append([]float64(nil), v.F64[:n]...)
	case types.StoreBool:
		out.Bool = append([]bool(nil), v.Bool[:n]...)
	case types.StoreStr:
		out.Str = append([]string(nil), v.Str[:n]...)
	default:
		out.Any = append([]any(nil), v.Any[:n]...)
	}
	if v.Nulls.Any() {
		out.Nulls = append(types.Bitmap(nil), v.Nulls[:min(len(v.Nulls), (n+63)/64)]...)
		clearTail(out.Nulls, n)
	}
	return out
}

// clearTail clears the bits at and after n in the last word.
func clearTail(b types.Bitmap, n int) {
	if w := n >> 6; w < len(b) && n&63 != 0 {
		b[w] &= 1<<(uint(n)&63) - 1
	}
}

// viewInto makes dst a view of rows [s, e) of src: typed slices are shared, NULL bits are copied
// into dst's own bitmap. For feeding ranges of a batch to accumulators without allocating.
func viewInto(dst, src *types.Vector, s, e int) {
	dst.Type = src.Type
	dst.I64, dst.F64, dst.Bool, dst.Str, dst.Any = nil, nil, nil, nil, nil
	switch types.Storage(src.Type.Kind) {
	case types.StoreI64:
		dst.I64 = src.I64[s:e]
	case types.StoreF64:
		dst.F64 = src.F64[s:e]
	case types.StoreBool:
		dst.Bool = src.Bool[s:e]
	case types.StoreStr:
		dst.Str = src.Str[s:e]
	default:
		dst.Any = src.Any[s:e]
	}
	dst.Nulls = dst.Nulls[:0]
	if len(src.Nulls) == 0 {
		return
	}
	for i := s; i < e; i++ {
		if src.Nulls.Get(i) {
			dst.Nulls.Set(i - s)
		}
	}
}

// rowBuilder appends rows into fresh vectors of a schema and assembles a batch.
type rowBuilder struct {
	schema *types.Schema
	cols   []*types.Vector
	time   []int64
	wm     []int64
}

func newRowBuilder(s *types.Schema, n int) *rowBuilder {
	b := &rowBuilder{schema: s, cols: make([]*types.Vector, len(s.Fields))}
	for i, f := range s.Fields {
		b.cols[i] = types.NewVector(f.Type, n)
	}
	return b
}

func (rb *rowBuilder) len() int { return len(rb.time) }

// batch returns the rows appended so far (WM only when some were given) and resets the builder.
func (rb *rowBuilder) batch() *types.Batch {
	b := &types.Batch{Schema: rb.schema, Cols: rb.cols, Len: len(rb.time), Time: rb.time}
	if len(rb.wm) == len(rb.time) && rb.wm != nil {
		b.WM = rb.wm
	}
	*rb = *newRowBuilder(rb.schema, 0)
	return b
}

// appendNulls appends a NULL to columns [from, to).
func (rb *rowBuilder) appendNulls(from, to int) {
	for c := from; c < to; c++ {
		rb.cols[c].AppendNull()
	}
}

// appendRow appends row i of src into columns [at, at+len(src.Cols)).
func (rb *rowBuilder) appendRow(at int, src *types.Batch, i int) {
	for c, v := range src.Cols {
		rb.cols[at+c].AppendFrom(v, i)
	}
}

// dropLast removes the last row appended (its values, time and watermark).
func (rb *rowBuilder) dropLast() {
	n := len(rb.time) - 1
	for _, v := range rb.cols {
		truncate(v, n)
	}
	rb.time = rb.time[:n]
	if len(rb.wm) > n {
		rb.wm = rb.wm[:n]
	}
}

// truncate shortens v to n rows, clearing the slot and NULL bit of the rows dropped from a
// vector that is reused.
func truncate(v *types.Vector, n int) {
	for i := n; i < v.Len(); i++ {
		v.Nulls.Clear(i)
	}
	switch types.Storage(v.Type.Kind) {
	case types.StoreI64:
		v.I64 = v.I64[:n]
	case types.StoreF64:
		v.F64 = v.F64[:n]
	case types.StoreBool:
		v.Bool = v.Bool[:n]
	case types.StoreStr:
		clear(v.Str[n:])
		v.Str = v.Str[:n]
	default:
		clear(v.Any[n:])
		v.Any = v.Any[:n]
	}
}
