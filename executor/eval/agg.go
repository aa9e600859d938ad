package eval

import (
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Aggregates keep one state per group id in typed slices (a set or sketch per group only where
// the aggregate needs one). NULL inputs are ignored by every aggregate but COUNT(*); an aggregate
// that saw no value gives NULL (COUNT gives 0).
//
//	count_star, count          BIGINT
//	count DISTINCT             exact, a hash set per group
//	sum                        BIGINT for integers (NULL when it overflows int64), DOUBLE,
//	                           DECIMAL at the call's scale
//	avg                        DOUBLE
//	min, max                   any orderable scalar (strings by bytes, FALSE < TRUE)
//	approx_count_distinct      HyperLogLog (see hll.go)
//	approx_percentile(x, p)    exact up to 512 values, then DDSketch (see percentile.go)
//	earliest(x), latest(x)     the value with the smallest / largest event time; ties keep the
//	                           first / last arrival
//	topk(x, n)                 the n largest values, descending, duplicates kept (ksqlDB TOPK)

// NewAccumulator returns the accumulator of an aggregate call.
func NewAccumulator(a *plan.AggCall) (Accumulator, error) {
	if a == nil {
		return nil, fmt.Errorf("eval: nil aggregate")
	}
	if a.Fn == "count_star" {
		return &countAcc{star: true}, nil
	}
	if len(a.Args) == 0 {
		return nil, fmt.Errorf("eval: %s needs an argument", a.Fn)
	}
	t := a.Args[0].Type()
	if a.Distinct && a.Fn != "count" {
		return nil, fmt.Errorf("eval: DISTINCT is only supported in COUNT, not %s", a.Fn)
	}
	mk, ok := accumulators[a.Fn]
	if !ok {
		return nil, fmt.Errorf("eval: unknown aggregate %q", a.Fn)
	}
	acc, err := mk(a, t)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", a, err)
	}
	return acc, nil
}

var accumulators = map[string]func(a *plan.AggCall, t types.Type) (Accumulator, error){
	"count":                 newCount,
	"sum":                   newSum,
	"avg":                   newAvg,
	"min":                   newMinMax,
	"max":                   newMinMax,
	"approx_count_distinct": newHLLAcc,
	"approx_percentile":     newPercentile,
	"earliest":              newPick,
	"latest":                newPick,
	"topk":                  newTopK,
}

// Appending results without boxing.

func appendI64(out *types.Vector, v int64, ok bool) {
	if !ok {
		out.AppendNull()
		return
	}
	out.I64 = append(out.I64, v)
}

func appendF64(out *types.Vector, v float64, ok bool) {
	if !ok {
		out.AppendNull()
		return
	}
	out.F64 = append(out.F64, v)
}

// firstArg returns the value vector of an Update and how many rows to read.
func firstArg(groups []int32, args []*types.Vector) (*types.Vector, int) {
	if len(args) == 0 || args[0] == nil {
		return nil, 0
	}
	return args[0], min(len(groups), args[0].Len())
}

// countAcc is COUNT(*) (star) and COUNT(x).
type countAcc struct {
	star bool
	n    []int64
}

func newCount(a *plan.AggCall, t types.Type) (Accumulator, error) {
	if a.Distinct {
		return newDistinct(t), nil
	}
	return &countAcc{}, nil
}

func (c *countAcc) Grow(n int) { c.n = state.GrowTo(c.n, n) }

func (c *countAcc) Update(groups []int32, args []*types.Vector, _ []int64) {
	if c.star {
		for _, g := range groups {
			if g >= 0 {
				c.n[g]++
			}
		}
		return
	}
	v, n := firstArg(groups, args)
	for i, g := range groups[:n] {
		if g >= 0 && !v.Nulls.Get(i) {
			c.n[g]++
		}
	}
}

func (c *countAcc) Merge(dst, src int32) { c.n[dst] += c.n[src]; c.n[src] = 0 }
func (c *countAcc) Reset(g int32)        { c.n[g] = 0 }

func (c *countAcc) Append(out *types.Vector, g int32) { appendI64(out, c.n[g], true) }

func (c *countAcc) Save(g int32) ([]byte, error) {
	var e state.Encoder
	e.Int(c.n[g])
	return e.Bytes(), nil
}

func (c *countAcc) Load(g int32, saved []byte) error {
	d := state.NewDecoder(saved)
	c.n[g] = d.Int()
	return d.Done()
}
