package executor

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/planner"
)

// TestIntervalJoinRowsAreNeverLateDownstream: whatever the interleaving of the two sides, every
// output row (its Time is the left row's time) is at or after the last watermark the join
// forwarded before it, and its own watermark is not past its time: no row is late downstream.
func TestIntervalJoinRowsAreNeverLateDownstream(t *testing.T) {
	for _, kind := range []planner.JoinKind{planner.InnerJoin, planner.LeftJoin} {
		t.Run(kind.String(), func(t *testing.T) {
			n, l, r := joinNodes(kind, 5, nil)
			l.Schema, r.Schema = eventSchema(3), eventSchema(3)
			h := newHarness(t, n, l, r)
			feedRandomSides(h, rand.New(rand.NewPCG(7, uint64(kind))))
			pairs := checkNeverLate(t, h)
			if pairs < 50 {
				t.Fatalf("only %d pairs: the test data exercise too little", pairs)
			}
		})
	}
}

// feedRandomSides feeds both ports batches of 1 to 3 rows with keys a-c and times that move
// forward by 0-3 with jitter of up to 3 (some rows are late at the join), in runs of batches on
// one port (so that either side gets ahead of the other), then ends both.
func feedRandomSides(h *harness, rnd *rand.Rand) {
	var base [2]int64
	var seq [2]int64
	p := 0
	for range 300 {
		if rnd.IntN(4) == 0 {
			p = 1 - p
		}
		var rows []row
		for range 1 + rnd.IntN(3) {
			base[p] += rnd.Int64N(4)
			rows = append(rows, row{string(rune('a' + rnd.IntN(3))), seq[p], base[p] + rnd.Int64N(7) - 3})
			seq[p]++
		}
		h.feed(p, batchOf(eventSchema(3), []string{"l", "r"}[p], seq[p], rows...))
	}
	h.end(0)
	h.end(1)
}

// checkNeverLate checks the output of h as described above and returns the number of pairs.
func checkNeverLate(t *testing.T, h *harness) int {
	t.Helper()
	wm, pairs := int64(-1<<62), 0
	for _, line := range h.out {
		if s, ok := strings.CutPrefix(line, "wm="); ok {
			if s != "+inf" {
				wm, _ = strconv.ParseInt(s, 10, 64)
			}
			continue
		}
		at := strings.LastIndex(line, "@")
		ts, err := strconv.ParseInt(line[at+1:], 10, 64)
		if err != nil {
			continue // "end"
		}
		if ts < wm {
			t.Fatalf("row %q is behind the forwarded watermark %d", line, wm)
		}
		if !strings.Contains(line, "NULL") {
			pairs++
		}
	}
	for _, b := range h.outs {
		for i := range b.Len {
			if b.WM[i] > b.Time[i] {
				t.Fatalf("a row at %d carries the watermark %d", b.Time[i], b.WM[i])
			}
		}
	}
	return pairs
}
