package watermark

import (
	"fmt"
	"testing"

	"github.com/sluicedata/sluice/types"
)

func TestGeneratorStampsInclusiveMax(t *testing.T) {
	g := NewGenerator(5)
	wm := make([]int64, 4)
	g.Stamp([]int64{10, 30, 20, 31}, wm)
	if fmt.Sprint(wm) != "[5 25 25 26]" || g.Current() != 26 {
		t.Fatalf("wm %v current %d", wm, g.Current())
	}
	wm = wm[:2]
	g.Stamp([]int64{1, 40}, wm)
	if fmt.Sprint(wm) != "[26 35]" {
		t.Fatalf("second batch %v", wm)
	}
}

func TestGeneratorStartsAtMinTime(t *testing.T) {
	if g := NewGenerator(1000); g.Current() != types.MinTime {
		t.Fatalf("current %d", g.Current())
	}
}

func TestTrackerMin(t *testing.T) {
	tr := NewTracker(2)
	if !tr.Advance(0, 100) || tr.Min() != types.MinTime {
		t.Fatal("one port advanced: min stays")
	}
	if !tr.Advance(1, 50) || tr.Min() != 50 {
		t.Fatalf("min %d", tr.Min())
	}
	if tr.Advance(1, 40) || tr.Min() != 50 {
		t.Fatal("watermarks never go back")
	}
	tr.Advance(1, types.MaxTime)
	if tr.Min() != 100 || tr.Port(1) != types.MaxTime {
		t.Fatalf("min %d", tr.Min())
	}
}

func TestEffective(t *testing.T) {
	if Effective(10, nil, 0) != 10 || Effective(10, []int64{5, 20}, 1) != 20 || Effective(10, []int64{5}, 0) != 10 {
		t.Fatal("effective watermark")
	}
}

func TestTrackerLeavesIdleInputsOut(t *testing.T) {
	tr := NewTracker(3)
	tr.Advance(0, 100)
	tr.Advance(1, 50)
	tr.Advance(2, 70)
	if !tr.SetIdle(1, true) || tr.Min() != 70 || tr.SetIdle(1, true) {
		t.Fatalf("min %d with port 1 idle", tr.Min())
	}
	tr.SetIdle(0, true)
	tr.SetIdle(2, true)
	if tr.Min() != 100 {
		t.Fatalf("every input idle: min %d, want the largest", tr.Min())
	}
	tr.SetIdle(1, false)
	if tr.Min() != 50 || tr.Idle(1) || !tr.Idle(0) {
		t.Fatalf("port 1 active again: min %d", tr.Min())
	}
}
