package state

import (
	"slices"
	"testing"
)

func TestGrowTo(t *testing.T) {
	s := GrowTo([]int64{4}, 3)
	if !slices.Equal(s, []int64{4, 0, 0}) {
		t.Fatalf("grown: %v", s)
	}
	if got := GrowTo(s, 2); len(got) != 3 {
		t.Fatalf("a longer slice was cut: %v", got)
	}
	var nilSlice []string
	if got := GrowTo(nilSlice, 2); len(got) != 2 || got[0] != "" {
		t.Fatalf("nil grown: %q", got)
	}
}
