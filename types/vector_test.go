package types

import (
	"fmt"
	"testing"
)

func strVector(vals ...any) *Vector {
	v := NewVector(String, len(vals))
	for _, x := range vals {
		v.AppendValue(x)
	}
	return v
}

func values(v *Vector) string {
	out := make([]any, v.Len())
	for i := range out {
		out[i] = v.Value(i)
	}
	return fmt.Sprint(out)
}

// SetFrom copies values and NULLs over existing rows; a NULL row's slot is zeroed.
func TestVectorSetFromAndSetNull(t *testing.T) {
	dst := strVector(nil, "b", "c")
	src := strVector("x", nil)
	dst.SetFrom(0, src, 0)
	dst.SetFrom(1, src, 1)
	if got := values(dst); got != "[x <nil> c]" {
		t.Fatalf("after SetFrom: %s", got)
	}
	if dst.Str[1] != "" {
		t.Fatalf("NULL slot keeps %q", dst.Str[1])
	}
	dst.SetNull(2)
	if got := values(dst); got != "[x <nil> <nil>]" || dst.Str[2] != "" {
		t.Fatalf("after SetNull: %s %q", got, dst.Str[2])
	}
}

func TestVectorGather(t *testing.T) {
	v := strVector("a", nil, "c")
	g := v.Gather([]int{2, 1, 2, 0})
	if got := values(g); got != "[c <nil> c a]" || g.Len() != 4 {
		t.Fatalf("gathered %s", got)
	}
	if g := strVector("a").Gather([]int{0}); len(g.Nulls) != 0 {
		t.Fatalf("gather without NULLs has a bitmap %v", g.Nulls)
	}
}

// Select keeps Time, WM and Origin aligned with the rows, and an Origin without Raw (or Pos)
// stays without it.
func TestBatchSelect(t *testing.T) {
	b := &Batch{Schema: NewSchema(Field{Name: "s", Type: String}), Cols: []*Vector{strVector("a", "b", "c")},
		Len: 3, Time: []int64{10, 20, 30}, WM: []int64{1, 2, 3},
		Origin: &Origin{Source: "src", Prefix: "f:", Pos: []int64{7, 8, 9}}}
	out := b.Select([]int{2, 0})
	if got := values(out.Cols[0]); got != "[c a]" || out.Len != 2 {
		t.Fatalf("rows %s len %d", got, out.Len)
	}
	if fmt.Sprint(out.Time, out.WM, out.Origin.Pos) != "[30 10] [3 1] [9 7]" || out.Origin.Raw != nil {
		t.Fatalf("time %v wm %v pos %v raw %v", out.Time, out.WM, out.Origin.Pos, out.Origin.Raw)
	}
	b.WM, b.Origin = nil, nil
	if out := b.Select([]int{1}); out.WM != nil || out.Origin != nil {
		t.Fatalf("nil WM or Origin became %v %v", out.WM, out.Origin)
	}
}
