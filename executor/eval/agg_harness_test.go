package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// aggCase is one aggregate over the rows of an agg block: group ids from column g (all 0 without
// it), event times from column t (nil without it).
type aggCase struct {
	call   *planner.AggCall
	args   []*types.Vector
	groups []int32
	times  []int64
	n      int // number of groups
}

func runAgg(t *testing.T, d *datadriven.TestData, in *testInput) string {
	var out strings.Builder
	b := buildBatch(in.schema, in.rows)
	for _, src := range in.aggs {
		c, err := newAggCase(src, in, b)
		if err != nil {
			fmt.Fprintf(&out, "%s -> error: %v\n", src, err)
			continue
		}
		got, err := c.direct()
		if err != nil {
			fmt.Fprintf(&out, "%s -> error: %v\n", src, err)
			continue
		}
		c.check(t, got, !d.HasArg("nomerge"))
		fmt.Fprintf(&out, "%s -> %s\n", src, strings.Join(got, ", "))
	}
	return out.String()
}

func newAggCase(src string, in *testInput, b *types.Batch) (*aggCase, error) {
	distinct := strings.Contains(src, "(count distinct ")
	e, err := parseExpr(strings.Replace(src, "(count distinct ", "(count ", 1), in.schema)
	if err != nil {
		return nil, err
	}
	call := e.(*planner.Call)
	c := &aggCase{call: &planner.AggCall{Fn: call.Fn, Args: call.Args, Distinct: distinct, T: call.T}, n: 1}
	for _, a := range call.Args {
		k, err := Compile(a)
		if err != nil {
			return nil, err
		}
		v, err := k.Eval(b)
		if err != nil {
			return nil, err
		}
		c.args = append(c.args, copyVector(v, b.Len))
	}
	gi, ti := in.schema.Index("g"), in.schema.Index("t")
	for i := 0; i < b.Len; i++ {
		g := int32(0)
		if gi >= 0 {
			g = int32(b.Cols[gi].I64[i])
		}
		c.groups = append(c.groups, g)
		c.n = max(c.n, int(g)+1)
		if ti >= 0 {
			c.times = append(c.times, b.Cols[ti].I64[i])
		}
	}
	return c, nil
}

func copyVector(v *types.Vector, n int) *types.Vector {
	out := types.NewVector(v.Type, n)
	for i := 0; i < n; i++ {
		out.AppendFrom(v, i)
	}
	return out
}

func (c *aggCase) fresh(groups int) (Accumulator, error) {
	acc, err := NewAccumulator(c.call)
	if err != nil {
		return nil, err
	}
	acc.Grow(groups)
	return acc, nil
}

// results prints groups lo..hi-1 of acc.
func (c *aggCase) results(acc Accumulator, lo, hi int) []string {
	out := types.NewVector(c.call.T, 0)
	var s []string
	for g := lo; g < hi; g++ {
		acc.Append(out, int32(g))
		s = append(s, fmt.Sprintf("%d: %s", g-lo, formatValue(c.call.T, out.Value(g-lo))))
	}
	return s
}

func (c *aggCase) direct() ([]string, error) {
	acc, err := c.fresh(c.n)
	if err != nil {
		return nil, err
	}
	acc.Update(c.groups, c.args, c.times)
	return c.results(acc, 0, c.n), nil
}

// check compares chunked updates, Save/Load, Merge and Reset with the direct result.
func (c *aggCase) check(t *testing.T, want []string, merge bool) {
	name := c.call.String()
	acc, _ := c.fresh(c.n)
	for lo := 0; lo < len(c.groups); lo += 3 {
		hi := min(lo+3, len(c.groups))
		acc.Update(c.groups[lo:hi], c.slice(lo, hi), c.timesOf(lo, hi))
	}
	same(t, name+" chunked", c.results(acc, 0, c.n), want)
	loaded, _ := c.fresh(c.n)
	for g := 0; g < c.n; g++ {
		st, err := acc.Save(int32(g))
		if err != nil {
			t.Fatalf("%s: save: %v", name, err)
		}
		if err := loaded.Load(int32(g), st); err != nil {
			t.Fatalf("%s: load: %v", name, err)
		}
	}
	same(t, name+" save/load", c.results(loaded, 0, c.n), want)
	if merge {
		c.checkMerge(t, want)
	}
	empty, _ := c.fresh(1)
	for g := 0; g < c.n; g++ {
		acc.Reset(int32(g))
		same(t, name+" reset", c.results(acc, g, g+1), c.results(empty, 0, 1))
	}
	if err := loaded.Load(0, []byte{0xff, 0xff, 0xff}); err == nil {
		t.Errorf("%s: loading garbage did not fail", name)
	}
}

// checkMerge puts every other row of group g into group g+n, then merges it back.
func (c *aggCase) checkMerge(t *testing.T, want []string) {
	acc, _ := c.fresh(2 * c.n)
	seen := make([]int, c.n)
	groups := make([]int32, len(c.groups))
	for i, g := range c.groups {
		groups[i] = g
		if seen[g]%2 == 1 {
			groups[i] = g + int32(c.n)
		}
		seen[g]++
	}
	acc.Update(groups, c.args, c.times)
	for g := 0; g < c.n; g++ {
		acc.Merge(int32(g), int32(g+c.n))
	}
	same(t, c.call.String()+" merge", c.results(acc, 0, c.n), want)
	empty, _ := c.fresh(1)
	for g := c.n; g < 2*c.n; g++ {
		same(t, c.call.String()+" merged-away", c.results(acc, g, g+1), c.results(empty, 0, 1))
	}
}

func (c *aggCase) slice(lo, hi int) []*types.Vector {
	sel := make([]int, hi-lo)
	for i := range sel {
		sel[i] = lo + i
	}
	out := make([]*types.Vector, len(c.args))
	for i, a := range c.args {
		out[i] = a.Gather(sel)
	}
	return out
}

func (c *aggCase) timesOf(lo, hi int) []int64 {
	if c.times == nil {
		return nil
	}
	return c.times[lo:hi]
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("%s: got %v, want %v", what, got, want)
	}
}
