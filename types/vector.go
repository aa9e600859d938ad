package types

// Vector is one column of a Batch. Exactly one of the typed slices is used, chosen by Type.Kind:
//
//	I64  INT, BIGINT, DECIMAL (unscaled by Type.Scale), TIMESTAMP (epoch ms), DATE (epoch days)
//	F64  DOUBLE
//	Bool BOOLEAN
//	Str  STRING and BYTES (bytes are held in a Go string)
//	Any  ARRAY ([]any), MAP (map[string]any), STRUCT ([]any in field order); elements follow
//	     the Value conventions in value.go
//
// Nulls marks NULL rows (bit set = NULL); an empty Nulls means no row is NULL. The value slot of a
// NULL row holds the zero value. The slices may be longer than the batch; Batch.Len rules.
type Vector struct {
	Type  Type
	Nulls Bitmap
	I64   []int64
	F64   []float64
	Bool  []bool
	Str   []string
	Any   []any
}

// NewVector returns an empty vector of type t with room for n rows.
func NewVector(t Type, n int) *Vector {
	v := &Vector{Type: t}
	switch Storage(t.Kind) {
	case StoreI64:
		v.I64 = make([]int64, 0, n)
	case StoreF64:
		v.F64 = make([]float64, 0, n)
	case StoreBool:
		v.Bool = make([]bool, 0, n)
	case StoreStr:
		v.Str = make([]string, 0, n)
	default:
		v.Any = make([]any, 0, n)
	}
	return v
}

// StorageClass names which slice of a Vector holds a kind.
type StorageClass uint8

const (
	StoreAny StorageClass = iota
	StoreI64
	StoreF64
	StoreBool
	StoreStr
)

// Storage returns the slice that holds values of kind k.
func Storage(k Kind) StorageClass {
	switch k {
	case KindInt, KindBigInt, KindDecimal, KindTimestamp, KindDate:
		return StoreI64
	case KindDouble:
		return StoreF64
	case KindBool:
		return StoreBool
	case KindString, KindBytes:
		return StoreStr
	}
	return StoreAny
}

// Len is the number of rows held in the used slice.
func (v *Vector) Len() int {
	switch Storage(v.Type.Kind) {
	case StoreI64:
		return len(v.I64)
	case StoreF64:
		return len(v.F64)
	case StoreBool:
		return len(v.Bool)
	case StoreStr:
		return len(v.Str)
	}
	return len(v.Any)
}

// IsNull reports whether row i is NULL.
func (v *Vector) IsNull(i int) bool { return v.Nulls.Get(i) }

// Reset empties the vector and keeps its capacity.
func (v *Vector) Reset() {
	v.Nulls = v.Nulls[:0]
	v.I64, v.F64, v.Bool, v.Str = v.I64[:0], v.F64[:0], v.Bool[:0], v.Str[:0]
	clear(v.Any)
	v.Any = v.Any[:0]
}

// AppendNull appends a NULL row.
func (v *Vector) AppendNull() {
	n := v.Len()
	v.appendZero()
	v.Nulls.Set(n)
}

func (v *Vector) appendZero() {
	switch Storage(v.Type.Kind) {
	case StoreI64:
		v.I64 = append(v.I64, 0)
	case StoreF64:
		v.F64 = append(v.F64, 0)
	case StoreBool:
		v.Bool = append(v.Bool, false)
	case StoreStr:
		v.Str = append(v.Str, "")
	default:
		v.Any = append(v.Any, nil)
	}
}

// Value returns row i as a Value (nil for NULL). Not for hot paths.
func (v *Vector) Value(i int) any {
	if v.IsNull(i) {
		return nil
	}
	switch Storage(v.Type.Kind) {
	case StoreI64:
		return v.I64[i]
	case StoreF64:
		return v.F64[i]
	case StoreBool:
		return v.Bool[i]
	case StoreStr:
		return v.Str[i]
	}
	return v.Any[i]
}

// AppendValue appends a Value (nil for NULL) that follows the conventions of value.go.
// Not for hot paths.
func (v *Vector) AppendValue(x any) {
	if x == nil {
		v.AppendNull()
		return
	}
	switch Storage(v.Type.Kind) {
	case StoreI64:
		v.I64 = append(v.I64, x.(int64))
	case StoreF64:
		v.F64 = append(v.F64, x.(float64))
	case StoreBool:
		v.Bool = append(v.Bool, x.(bool))
	case StoreStr:
		v.Str = append(v.Str, x.(string))
	default:
		v.Any = append(v.Any, x)
	}
}

// AppendFrom appends row i of src (same storage class) to v.
func (v *Vector) AppendFrom(src *Vector, i int) {
	n := v.Len()
	if src.IsNull(i) {
		v.appendZero()
		v.Nulls.Set(n)
		return
	}
	switch Storage(v.Type.Kind) {
	case StoreI64:
		v.I64 = append(v.I64, src.I64[i])
	case StoreF64:
		v.F64 = append(v.F64, src.F64[i])
	case StoreBool:
		v.Bool = append(v.Bool, src.Bool[i])
	case StoreStr:
		v.Str = append(v.Str, src.Str[i])
	default:
		v.Any = append(v.Any, src.Any[i])
	}
}

// SetFrom sets row i of v, which must exist, to row j of src (same storage class), NULL
// included.
func (v *Vector) SetFrom(i int, src *Vector, j int) {
	if src.IsNull(j) {
		v.SetNull(i)
		return
	}
	v.Nulls.Clear(i)
	switch Storage(v.Type.Kind) {
	case StoreI64:
		v.I64[i] = src.I64[j]
	case StoreF64:
		v.F64[i] = src.F64[j]
	case StoreBool:
		v.Bool[i] = src.Bool[j]
	case StoreStr:
		v.Str[i] = src.Str[j]
	default:
		v.Any[i] = src.Any[j]
	}
}

// SetNull makes row i of v, which must exist, NULL and zeroes its slot.
func (v *Vector) SetNull(i int) {
	v.Nulls.Set(i)
	switch Storage(v.Type.Kind) {
	case StoreI64:
		v.I64[i] = 0
	case StoreF64:
		v.F64[i] = 0
	case StoreBool:
		v.Bool[i] = false
	case StoreStr:
		v.Str[i] = ""
	default:
		v.Any[i] = nil
	}
}

// Gather returns a new vector holding the rows of v listed in sel, in that order (one typed
// loop, no per-row switch).
func (v *Vector) Gather(sel []int) *Vector {
	out := &Vector{Type: v.Type}
	switch Storage(v.Type.Kind) {
	case StoreI64:
		out.I64 = gather(v.I64, sel)
	case StoreF64:
		out.F64 = gather(v.F64, sel)
	case StoreBool:
		out.Bool = gather(v.Bool, sel)
	case StoreStr:
		out.Str = gather(v.Str, sel)
	default:
		out.Any = gather(v.Any, sel)
	}
	if v.Nulls.Any() {
		for j, i := range sel {
			if v.Nulls.Get(i) {
				out.Nulls.Set(j)
			}
		}
	}
	return out
}

// gather returns src's elements listed in sel; a nil src stays nil.
func gather[T any](src []T, sel []int) []T {
	if src == nil {
		return nil
	}
	out := make([]T, len(sel))
	for j, i := range sel {
		out[j] = src[i]
	}
	return out
}
