package eval

import (
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Group flags shared by the numeric accumulators.
const (
	hasValue uint8 = 1 << iota // the group saw a non-NULL value
	overflow                   // an integer sum left int64: the result is NULL
)

func newSum(a *plan.AggCall, t types.Type) (Accumulator, error) {
	switch types.Storage(t.Kind) {
	case types.StoreF64:
		return &sumF64{}, nil
	case types.StoreI64:
		if !t.IsNumeric() {
			break
		}
		mul, ok := pow10(decScale(a.T) - decScale(t))
		if !ok {
			return nil, fmt.Errorf("sum of %s as %s", t, a.T)
		}
		if a.T.Kind == types.KindDouble {
			return &sumF64{scale: decScale(t)}, nil
		}
		return &sumI64{mul: mul, prec: a.T.Precision}, nil
	}
	return nil, fmt.Errorf("sum of %s", t)
}

// sumI64 sums integers and DECIMALs (their unscaled values times mul, to reach the result
// scale); a DECIMAL sum with more digits than the result's precision is NULL, like an overflow.
type sumI64 struct {
	mul   int64
	prec  int
	sum   []int64
	flags []uint8
}

func (s *sumI64) Grow(n int) { s.sum, s.flags = state.GrowTo(s.sum, n), state.GrowTo(s.flags, n) }

func (s *sumI64) Update(groups []int32, args []*types.Vector, _ []int64) {
	v, n := firstArg(groups, args)
	if n == 0 {
		return
	}
	xs, noNulls := v.I64[:n], !hasNulls(v.Nulls, n)
	for i, g := range groups[:n] {
		if g < 0 || !noNulls && v.Nulls.Get(i) {
			continue
		}
		s.add(g, xs[i])
	}
}

func (s *sumI64) add(g int32, x int64) {
	if s.mul != 1 {
		var ok bool
		if x, ok = mulOK(x, s.mul); !ok {
			s.flags[g] |= overflow
		}
	}
	r, ok := addOK(s.sum[g], x)
	if !ok {
		s.flags[g] |= overflow
	}
	s.sum[g] = r
	s.flags[g] |= hasValue
}

func (s *sumI64) Merge(dst, src int32) {
	if s.flags[src]&hasValue != 0 {
		r, ok := addOK(s.sum[dst], s.sum[src])
		if !ok {
			s.flags[dst] |= overflow
		}
		s.sum[dst] = r
		s.flags[dst] |= s.flags[src]
	}
	s.Reset(src)
}

func (s *sumI64) Reset(g int32) { s.sum[g], s.flags[g] = 0, 0 }

func (s *sumI64) Append(out *types.Vector, g int32) {
	appendI64(out, s.sum[g], s.flags[g] == hasValue && fitsPrecision(s.sum[g], s.prec))
}

func (s *sumI64) Save(g int32) ([]byte, error) {
	var e state.Encoder
	e.Byte(s.flags[g])
	e.Int(s.sum[g])
	return e.Bytes(), nil
}

func (s *sumI64) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	s.flags[g] = d.Byte()
	s.sum[g] = d.Int()
	return d.Done()
}

// sumF64 sums DOUBLEs (or, with scale > 0, DECIMALs into a DOUBLE result).
type sumF64 struct {
	scale int
	sum   []float64
	flags []uint8
}

func (s *sumF64) Grow(n int) { s.sum, s.flags = state.GrowTo(s.sum, n), state.GrowTo(s.flags, n) }

func (s *sumF64) Update(groups []int32, args []*types.Vector, _ []int64) {
	v, n := firstArg(groups, args)
	if n == 0 {
		return
	}
	noNulls := !hasNulls(v.Nulls, n)
	for i, g := range groups[:n] {
		if g < 0 || !noNulls && v.Nulls.Get(i) {
			continue
		}
		s.sum[g] += numberAt(v, i, s.scale)
		s.flags[g] |= hasValue
	}
}

// numberAt reads row i of a numeric vector as a float64.
func numberAt(v *types.Vector, i, scale int) float64 {
	if types.Storage(v.Type.Kind) == types.StoreF64 {
		return v.F64[i]
	}
	return decToFloat(v.I64[i], scale)
}

func (s *sumF64) Merge(dst, src int32) {
	s.sum[dst] += s.sum[src]
	s.flags[dst] |= s.flags[src]
	s.Reset(src)
}

func (s *sumF64) Reset(g int32) { s.sum[g], s.flags[g] = 0, 0 }

func (s *sumF64) Append(out *types.Vector, g int32) {
	appendF64(out, s.sum[g], s.flags[g] == hasValue)
}

func (s *sumF64) Save(g int32) ([]byte, error) {
	var e state.Encoder
	e.Byte(s.flags[g])
	e.Float(s.sum[g])
	return e.Bytes(), nil
}

func (s *sumF64) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	s.flags[g] = d.Byte()
	s.sum[g] = d.Float()
	return d.Done()
}

func newAvg(a *plan.AggCall, t types.Type) (Accumulator, error) {
	if !t.IsNumeric() {
		return nil, fmt.Errorf("avg of %s", t)
	}
	return &avgAcc{scale: decScale(t), out: a.T}, nil
}

// avgAcc is AVG: a float64 sum and a count per group.
type avgAcc struct {
	scale int
	out   types.Type
	sum   []float64
	n     []int64
}

func (s *avgAcc) Grow(n int) { s.sum, s.n = state.GrowTo(s.sum, n), state.GrowTo(s.n, n) }

func (s *avgAcc) Update(groups []int32, args []*types.Vector, _ []int64) {
	v, n := firstArg(groups, args)
	if n == 0 {
		return
	}
	noNulls := !hasNulls(v.Nulls, n)
	for i, g := range groups[:n] {
		if g < 0 || !noNulls && v.Nulls.Get(i) {
			continue
		}
		s.sum[g] += numberAt(v, i, s.scale)
		s.n[g]++
	}
}

func (s *avgAcc) Merge(dst, src int32) {
	s.sum[dst] += s.sum[src]
	s.n[dst] += s.n[src]
	s.Reset(src)
}

func (s *avgAcc) Reset(g int32) { s.sum[g], s.n[g] = 0, 0 }

func (s *avgAcc) Append(out *types.Vector, g int32) {
	appendFloatAs(out, s.sum[g]/float64(s.n[g]), s.n[g] > 0)
}

// appendFloatAs appends a float result to a vector of whatever numeric type the planner chose.
func appendFloatAs(out *types.Vector, f float64, ok bool) {
	switch out.Type.Kind {
	case types.KindDouble:
		appendF64(out, f, ok)
	case types.KindDecimal:
		r, fits := floatToDec(f, out.Type.Scale)
		appendI64(out, r, ok && fits)
	default:
		r, fits := f64ToI64(out.Type)(f)
		appendI64(out, r, ok && fits)
	}
}

func (s *avgAcc) Save(g int32) ([]byte, error) {
	var e state.Encoder
	e.Float(s.sum[g])
	e.Int(s.n[g])
	return e.Bytes(), nil
}

func (s *avgAcc) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	s.sum[g] = d.Float()
	s.n[g] = d.Int()
	return d.Done()
}
