package eval

import (
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// hllAcc is APPROX_COUNT_DISTINCT: a HyperLogLog per group over the values' HASH (hash.go).
type hllAcc struct {
	sk []hll
}

func newHLLAcc(*plan.AggCall, types.Type) (Accumulator, error) { return &hllAcc{}, nil }

func (a *hllAcc) Grow(n int) { a.sk = state.GrowTo(a.sk, n) }

func (a *hllAcc) Update(groups []int32, args []*types.Vector, _ []int64) {
	v, n := firstArg(groups, args)
	for i, g := range groups[:n] {
		if g >= 0 && !v.Nulls.Get(i) {
			a.sk[g].add(mix64(hashRow(fnvOffset, v, i)))
		}
	}
}

func (a *hllAcc) Merge(dst, src int32) {
	a.sk[dst].merge(&a.sk[src])
	a.Reset(src)
}

func (a *hllAcc) Reset(g int32) { a.sk[g] = hll{} }

func (a *hllAcc) Append(out *types.Vector, g int32) { appendI64(out, a.sk[g].estimate(), true) }

func (a *hllAcc) Save(g int32) ([]byte, error) {
	var e state.Encoder
	a.sk[g].save(&e)
	return e.Bytes(), nil
}

func (a *hllAcc) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	a.sk[g].load(d)
	return d.Done()
}

// percentileAcc is APPROX_PERCENTILE(x, p) (see quantile.go).
type percentileAcc struct {
	p     float64
	scale int
	sk    []quantiles
}

func newPercentile(a *plan.AggCall, t types.Type) (Accumulator, error) {
	if len(a.Args) != 2 {
		return nil, fmt.Errorf("approx_percentile takes a value and a fraction")
	}
	l, ok := a.Args[1].(*plan.Literal)
	if !ok {
		return nil, fmt.Errorf("the fraction must be a constant")
	}
	var p float64
	switch v := l.Value.(type) {
	case float64:
		p = v
	case int64:
		p = decToFloat(v, decScale(l.T))
	default:
		return nil, fmt.Errorf("the fraction must be a number")
	}
	if !(p >= 0 && p <= 1) {
		return nil, fmt.Errorf("the fraction %v is not between 0 and 1", p)
	}
	if !t.IsNumeric() {
		return nil, fmt.Errorf("approx_percentile of %s", t)
	}
	return &percentileAcc{p: p, scale: decScale(t)}, nil
}

func (a *percentileAcc) Grow(n int) { a.sk = state.GrowTo(a.sk, n) }

func (a *percentileAcc) Update(groups []int32, args []*types.Vector, _ []int64) {
	v, n := firstArg(groups, args)
	for i, g := range groups[:n] {
		if g >= 0 && !v.Nulls.Get(i) {
			a.sk[g].add(numberAt(v, i, a.scale))
		}
	}
}

func (a *percentileAcc) Merge(dst, src int32) {
	a.sk[dst].merge(&a.sk[src])
	a.Reset(src)
}

func (a *percentileAcc) Reset(g int32) { a.sk[g] = quantiles{} }

func (a *percentileAcc) Append(out *types.Vector, g int32) {
	q, ok := a.sk[g].quantile(a.p)
	appendFloatAs(out, q, ok)
}

func (a *percentileAcc) Save(g int32) ([]byte, error) {
	var e state.Encoder
	a.sk[g].save(&e)
	return e.Bytes(), nil
}

func (a *percentileAcc) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	a.sk[g].load(d)
	return d.Done()
}
