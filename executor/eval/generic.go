package eval

import "github.com/sluicedata/sluice/types"

// Typed slice accessors, so that generic kernels can read and write a storage class.
func getI64(v *types.Vector) []int64    { return v.I64 }
func getF64(v *types.Vector) []float64  { return v.F64 }
func getBool(v *types.Vector) []bool    { return v.Bool }
func getStr(v *types.Vector) []string   { return v.Str }
func getAny(v *types.Vector) []any      { return v.Any }
func refI64(v *types.Vector) *[]int64   { return &v.I64 }
func refF64(v *types.Vector) *[]float64 { return &v.F64 }
func refBool(v *types.Vector) *[]bool   { return &v.Bool }
func refStr(v *types.Vector) *[]string  { return &v.Str }
func refAny(v *types.Vector) *[]any     { return &v.Any }

// col describes how to read one storage class.
type col[T any] func(*types.Vector) []T

// unary is a strict one-argument kernel: NULL in, NULL out; f reports ok=false to return NULL.
// f is called through a function value (no boxing, no allocation) once per non-NULL row.
type unary[A, R any] struct {
	arg Kernel
	in  col[A]
	ref func(*types.Vector) *[]R
	f   func(A) (R, bool)
	out *types.Vector
}

func (k *unary[A, R]) Eval(b *types.Batch) (*types.Vector, error) {
	v, err := k.arg.Eval(b)
	if err != nil {
		return nil, err
	}
	n := b.Len
	if err := checkLen(v, n); err != nil {
		return nil, err
	}
	prepare(k.out, n)
	src, dst := k.in(v), *k.ref(k.out)
	k.out.Nulls = orNulls(k.out.Nulls, v.Nulls, n)
	var zero R
	for i := 0; i < n; i++ {
		if k.out.Nulls.Get(i) {
			dst[i] = zero
			continue
		}
		r, ok := k.f(src[i])
		if !ok {
			k.out.Nulls.Set(i)
			r = zero
		}
		dst[i] = r
	}
	return k.out, nil
}

// binop is a strict two-argument kernel, like unary.
type binop[A, B, R any] struct {
	a, b Kernel
	ina  col[A]
	inb  col[B]
	ref  func(*types.Vector) *[]R
	f    func(A, B) (R, bool)
	out  *types.Vector
}

func (k *binop[A, B, R]) Eval(b *types.Batch) (*types.Vector, error) {
	va, vb, n, err := evalPair(b, k.a, k.b, k.out)
	if err != nil {
		return nil, err
	}
	xa, xb, dst := k.ina(va), k.inb(vb), *k.ref(k.out)
	var zero R
	for i := 0; i < n; i++ {
		if k.out.Nulls.Get(i) {
			dst[i] = zero
			continue
		}
		r, ok := k.f(xa[i], xb[i])
		if !ok {
			k.out.Nulls.Set(i)
			r = zero
		}
		dst[i] = r
	}
	return k.out, nil
}

// rowsKernel is a strict n-argument kernel over whole vectors: f computes row i from the
// argument vectors (already known non-NULL) and stores it in out, or reports ok=false for NULL.
// It serves the functions whose arguments mix storage classes (SUBSTRING, REPLACE, …).
type rowsKernel struct {
	args []Kernel
	vs   []*types.Vector
	f    func(vs []*types.Vector, i int, out *types.Vector) bool
	out  *types.Vector
}

func newRows(t types.Type, args []Kernel, f func([]*types.Vector, int, *types.Vector) bool) *rowsKernel {
	return &rowsKernel{args: args, vs: make([]*types.Vector, len(args)), f: f, out: newOut(t)}
}

func (k *rowsKernel) Eval(b *types.Batch) (*types.Vector, error) {
	if err := evalAll(b, k.args, k.vs); err != nil {
		return nil, err
	}
	n := b.Len
	prepare(k.out, n)
	for _, v := range k.vs {
		if err := checkLen(v, n); err != nil {
			return nil, err
		}
		k.out.Nulls = orNulls(k.out.Nulls, v.Nulls, n)
	}
	for i := 0; i < n; i++ {
		if k.out.Nulls.Get(i) || !k.f(k.vs, i, k.out) {
			k.out.SetNull(i)
		}
	}
	return k.out, nil
}

// Constructors for the common shapes.

func unaryI64[R any](arg Kernel, t types.Type, ref func(*types.Vector) *[]R, f func(int64) (R, bool)) Kernel {
	return &unary[int64, R]{arg: arg, in: getI64, ref: ref, f: f, out: newOut(t)}
}

func unaryF64[R any](arg Kernel, t types.Type, ref func(*types.Vector) *[]R, f func(float64) (R, bool)) Kernel {
	return &unary[float64, R]{arg: arg, in: getF64, ref: ref, f: f, out: newOut(t)}
}

func unaryStr[R any](arg Kernel, t types.Type, ref func(*types.Vector) *[]R, f func(string) (R, bool)) Kernel {
	return &unary[string, R]{arg: arg, in: getStr, ref: ref, f: f, out: newOut(t)}
}

// retype returns arg's vectors under another type of the same storage class, without copying.
type retype struct {
	arg  Kernel
	view types.Vector
}

func (k *retype) Eval(b *types.Batch) (*types.Vector, error) {
	v, err := k.arg.Eval(b)
	if err != nil {
		return nil, err
	}
	t := k.view.Type
	k.view = *v
	k.view.Type = t
	return &k.view, nil
}

func newRetype(arg Kernel, t types.Type) Kernel {
	return &retype{arg: arg, view: types.Vector{Type: t}}
}
