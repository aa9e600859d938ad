package kafka

import (
	"testing"

	"github.com/sluicedata/sluice/types"
)

// TestMarks walks the per-partition watermark through assignment, records, idleness, reactivation
// and the end of partitions.
func TestMarks(t *testing.T) {
	m := newMarks(10, 1000) // delay 10 ms, idle after 1 s
	p0, p1 := tp{"t", 0}, tp{"t", 1}
	m.add(p0, 0)
	m.add(p1, 0)
	stamp := func(p tp, now int64, times ...int64) []int64 {
		wm := make([]int64, len(times))
		m.stamp(p, times, wm, now)
		return wm
	}
	check := func(what string, got []int64, want ...int64) {
		t.Helper()
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: watermarks %v, want %v", what, got, want)
			}
		}
	}
	check("p1 has no record yet", stamp(p0, 100, 500, 600), types.MinTime, types.MinTime)
	check("p1 is the slowest", stamp(p1, 200, 100, 300, 700), 90, 290, 590)
	check("p0 behind p1", stamp(p0, 300, 650), 640)
	if w := m.tick(900); w != 640 {
		t.Fatalf("tick before idleness: %d", w)
	}
	if w := m.tick(1250); w != 640 {
		t.Fatalf("at 1250 p1 (silent since 200) is idle, p0 is not: want p0's 640, got %d", w)
	}
	if w := m.tick(1350); w != 690 {
		t.Fatalf("at 1350 both are idle: want the largest, 690, got %d", w)
	}
	check("p0 back with an old record: the watermark does not go back", stamp(p0, 1400, 660), 690)
	m.finish(p0)
	check("p0 done: p1 alone", stamp(p1, 1500, 2000), 1990)
	m.remove(p1)
	if w := m.tick(5000); w != 1990 {
		t.Fatalf("no active partition: the largest, got %d", w)
	}
}
