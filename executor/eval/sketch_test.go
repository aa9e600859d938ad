package eval

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

func bigints(xs ...int64) *types.Vector {
	v := types.NewVector(types.BigInt, len(xs))
	v.I64 = append(v.I64, xs...)
	return v
}

func doubles(xs ...float64) *types.Vector {
	v := types.NewVector(types.Double, len(xs))
	v.F64 = append(v.F64, xs...)
	return v
}

func colx(t types.Type) planner.Expr { return &planner.ColumnRef{Name: "x", T: t} }

func mustAcc(t *testing.T, a *planner.AggCall) Accumulator {
	t.Helper()
	acc, err := NewAccumulator(a)
	if err != nil {
		t.Fatal(err)
	}
	return acc
}

func result(acc Accumulator, t types.Type, g int32) any {
	out := types.NewVector(t, 1)
	acc.Append(out, g)
	return out.Value(0)
}

// feed updates group g with xs in batches of 1024 rows.
func feed(acc Accumulator, g int32, v *types.Vector) {
	groups := make([]int32, 1024)
	for i := range groups {
		groups[i] = g
	}
	n := v.Len()
	for lo := 0; lo < n; lo += 1024 {
		hi := min(lo+1024, n)
		sel := make([]int, hi-lo)
		for i := range sel {
			sel[i] = lo + i
		}
		acc.Update(groups[:hi-lo], []*types.Vector{v.Gather(sel)}, nil)
	}
}

func TestHLLAccuracy(t *testing.T) {
	for _, n := range []int{100, 1000, 20_000, 100_000, 1_000_000} {
		acc := mustAcc(t, &planner.AggCall{Fn: "approx_count_distinct", Args: []planner.Expr{colx(types.BigInt)}, T: types.BigInt})
		acc.Grow(1)
		xs := make([]int64, 0, 2*n)
		for i := range n {
			xs = append(xs, int64(i)*7919, int64(i)*7919) // every value twice
		}
		feed(acc, 0, bigints(xs...))
		got := result(acc, types.BigInt, 0).(int64)
		t.Logf("%d distinct: estimate %d", n, got)
		if err := math.Abs(float64(got)-float64(n)) / float64(n); err > 0.02 {
			t.Errorf("%d distinct: estimated %d (error %.2f%%)", n, got, 100*err)
		}
		if n <= hllSmall && got != int64(n) {
			t.Errorf("%d distinct: small sketches are exact, got %d", n, got)
		}
	}
}

// TestHLLMergeSaveLoad: merging two halves equals one sketch of everything, dense or not, and a
// saved dense sketch loads back identical.
func TestHLLMergeSaveLoad(t *testing.T) {
	acc := mustAcc(t, &planner.AggCall{Fn: "approx_count_distinct", Args: []planner.Expr{colx(types.String)}, T: types.BigInt})
	acc.Grow(3)
	words := types.NewVector(types.String, 0)
	for i := range 50_000 {
		words.Str = append(words.Str, "w"+string(rune('a'+i%26))+string(rune(i)))
	}
	feed(acc, 0, words)
	half := words.Gather(seq(0, 25_000))
	feed(acc, 1, half)
	feed(acc, 2, words.Gather(seq(25_000, 50_000)))
	acc.Merge(1, 2)
	all, merged := result(acc, types.BigInt, 0), result(acc, types.BigInt, 1)
	if all != merged {
		t.Errorf("merged halves estimate %v, the whole %v", merged, all)
	}
	if got := result(acc, types.BigInt, 2); got != int64(0) {
		t.Errorf("merged-away group estimates %v", got)
	}
	st, _ := acc.Save(0)
	if err := acc.Load(2, st); err != nil {
		t.Fatal(err)
	}
	if got := result(acc, types.BigInt, 2); got != all {
		t.Errorf("loaded sketch estimates %v, saved %v", got, all)
	}
	if err := acc.Load(2, st[:100]); err == nil {
		t.Error("a truncated sketch loaded")
	}
}

func seq(lo, hi int) []int {
	s := make([]int, hi-lo)
	for i := range s {
		s[i] = lo + i
	}
	return s
}

func TestPercentileAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	xs := make([]float64, 200_000)
	for i := range xs {
		xs[i] = math.Exp(rng.NormFloat64()*2) * 100 // log-normal: a wide range
		if i%10 == 0 {
			xs[i] = -xs[i]
		}
	}
	sorted := slices.Clone(xs)
	slices.Sort(sorted)
	for _, p := range []float64{0, 0.01, 0.25, 0.5, 0.9, 0.99, 1} {
		acc := mustAcc(t, &planner.AggCall{Fn: "approx_percentile",
			Args: []planner.Expr{colx(types.Double), &planner.Literal{Value: p, T: types.Double}}, T: types.Double})
		acc.Grow(3)
		feed(acc, 0, doubles(xs...))
		feed(acc, 1, doubles(xs[:100_000]...))
		feed(acc, 2, doubles(xs[100_000:]...))
		acc.Merge(1, 2)
		want := exactQuantile(sorted, p)
		got := result(acc, types.Double, 0).(float64)
		if !withinRank(sorted, got, p, 0.011) {
			t.Errorf("p=%v: estimate %v is not within 1%% of a value near rank (exact %v)", p, got, want)
		}
		if merged := result(acc, types.Double, 1); merged != got {
			t.Errorf("p=%v: merged %v, whole %v", p, merged, got)
		}
		st, _ := acc.Save(0)
		if err := acc.Load(2, st); err != nil || result(acc, types.Double, 2) != got {
			t.Errorf("p=%v: save/load changed the estimate (%v)", p, err)
		}
	}
}

// withinRank reports whether got is within relative error alpha of the value at rank p.
func withinRank(sorted []float64, got, p, alpha float64) bool {
	want := sorted[int(math.Round(p*float64(len(sorted)-1)))]
	return math.Abs(got-want) <= alpha*math.Abs(want)
}

// TestQuantilesZeroAndCollapse covers values around zero and a range wide enough to collapse.
func TestQuantilesZeroAndCollapse(t *testing.T) {
	var q quantiles
	for i := range 1000 {
		q.add(float64(i%3) - 1) // -1, 0, 1
	}
	for _, c := range []struct{ p, want float64 }{{0, -1}, {0.5, 0}, {1, 1}} {
		got, _ := q.quantile(c.p)
		if math.Abs(got-c.want) > 0.01 {
			t.Errorf("p=%v: %v, want %v", c.p, got, c.want)
		}
	}
	var w quantiles
	for i := range 2000 {
		w.add(math.Pow(10, float64(i%600)-300))
	}
	if len(w.pos.bins) > ddMaxBins {
		t.Errorf("store kept %d bins", len(w.pos.bins))
	}
	if got, _ := w.quantile(1); math.Abs(got-1e299)/1e299 > 0.011 {
		t.Errorf("max of a collapsed store: %v", got)
	}
	w.add(math.NaN())
	if w.count() != 2000 {
		t.Errorf("NaN was counted")
	}
}
