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
		return &floatSum{}, nil
	case types.StoreI64:
		if !t.IsNumeric() {
			break
		}
		mul, ok := pow10(decScale(a.T) - decScale(t))
		if !ok {
			return nil, fmt.Errorf("sum of %s as %s", t, a.T)
		}
		if a.T.Kind == types.KindDouble {
			return &floatSum{scale: decScale(t)}, nil
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

// floatSum is SUM of DOUBLEs (or, with scale > 0, of DECIMALs into a DOUBLE result) and, with
// avg, AVG of any number: a float64 sum and a count of values per group.
type floatSum struct {
	avg   bool
	scale int
	sum   []float64
	n     []int64
}

func (s *floatSum) Grow(n int) { s.sum, s.n = state.GrowTo(s.sum, n), state.GrowTo(s.n, n) }

func (s *floatSum) Update(groups []int32, args []*types.Vector, _ []int64) {
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

// numberAt reads row i of a numeric vector as a float64.
func numberAt(v *types.Vector, i, scale int) float64 {
	if types.Storage(v.Type.Kind) == types.StoreF64 {
		return v.F64[i]
	}
	return decToFloat(v.I64[i], scale)
}

func (s *floatSum) Merge(dst, src int32) {
	s.sum[dst] += s.sum[src]
	s.n[dst] += s.n[src]
	s.Reset(src)
}

func (s *floatSum) Reset(g int32) { s.sum[g], s.n[g] = 0, 0 }

func (s *floatSum) Append(out *types.Vector, g int32) {
	r := s.sum[g]
	if s.avg {
		r /= float64(s.n[g])
	}
	appendFloatAs(out, r, s.n[g] > 0)
}

func (s *floatSum) Save(g int32) ([]byte, error) {
	var e state.Encoder
	e.Float(s.sum[g])
	e.Int(s.n[g])
	return e.Bytes(), nil
}

func (s *floatSum) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	s.sum[g] = d.Float()
	s.n[g] = d.Int()
	return d.Done()
}

func newAvg(_ *plan.AggCall, t types.Type) (Accumulator, error) {
	if !t.IsNumeric() {
		return nil, fmt.Errorf("avg of %s", t)
	}
	return &floatSum{avg: true, scale: decScale(t)}, nil
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
