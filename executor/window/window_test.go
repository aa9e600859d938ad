package window

import (
	"fmt"
	"testing"
)

func TestTumblingStart(t *testing.T) {
	for _, c := range []struct{ t, size, want int64 }{
		{0, 10, 0}, {9, 10, 0}, {10, 10, 10}, {-1, 10, -10}, {-10, 10, -10}, {1767225600637, 60000, 1767225600000},
	} {
		if got := TumblingStart(c.t, c.size); got != c.want {
			t.Errorf("TumblingStart(%d, %d) = %d, want %d", c.t, c.size, got, c.want)
		}
	}
}

func TestHoppingStarts(t *testing.T) {
	for _, c := range []struct {
		t, size, adv int64
		want         string
	}{
		{25, 30, 10, "[0 10 20]"},
		{30, 30, 10, "[10 20 30]"},
		{5, 10, 10, "[0]"},
		{-5, 20, 10, "[-20 -10]"},
		{7, 10, 4, "[0 4]"}, // advance that does not divide size
		{8, 10, 4, "[0 4 8]"},
	} {
		if got := fmt.Sprint(HoppingStarts(c.t, c.size, c.adv, nil)); got != c.want {
			t.Errorf("HoppingStarts(%d, %d, %d) = %s, want %s", c.t, c.size, c.adv, got, c.want)
		}
	}
}

func TestClosed(t *testing.T) {
	if Closed(10, 2, 11) || !Closed(10, 2, 12) || !Closed(10, 0, 10) {
		t.Fatal("a window closes when the watermark reaches end + grace")
	}
}

func TestSessionOverlap(t *testing.T) {
	a := Of(0, 10) // [0,10)
	if !a.Overlaps(Of(9, 10)) || a.Overlaps(Of(10, 10)) || !a.Overlaps(Of(-9, 10)) || a.Overlaps(Of(-10, 10)) {
		t.Fatal("rows closer than the gap share a session")
	}
	if u := a.Union(Of(15, 10)); u != (Session{0, 25}) {
		t.Fatalf("union %v", u)
	}
}

func TestIndexPopsInStartOrder(t *testing.T) {
	x := NewIndex()
	x.Add(20, 1)
	x.Add(0, 2)
	x.Add(20, 3)
	x.Add(10, 4)
	var got []string
	for {
		s, g, ok := x.PopUntil(15)
		if !ok {
			break
		}
		got = append(got, fmt.Sprint(s, g))
	}
	if fmt.Sprint(got) != "[0 [2] 10 [4]]" || x.Len() != 1 {
		t.Fatalf("popped %v, left %d", got, x.Len())
	}
}
