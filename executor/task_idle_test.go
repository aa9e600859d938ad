package executor

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// An input of a join that delivers nothing for Options.IdleTimeout (5 s by default, on the
// task's clock) stops holding the join's watermark back until it delivers again.

func TestIdleJoinInputStopsHoldingTheWatermarkBack(t *testing.T) {
	n, l, r := joinNodes(planner.LeftJoin, 5, nil)
	h := newHarness(t, n, l, r)
	h.feed(1, batchOf(r.Schema, "r", 1, row{"z", 1, 1}))
	h.idleTick(3000)
	h.feed(0, batchOf(l.Schema, "l", 1, row{"a", 2, 10}, row{"b", 3, 30}))
	h.check("wm=-4")
	h.idleTick(20000)
	h.check() // neither input has caught up yet (a backlog is being read): none is idle
	h.caughtUp(0)
	h.caughtUp(1)
	h.clock.now.Store(0)
	h.feed(1, batchOf(r.Schema, "r", 2, row{"z", 4, 2})) // the right input delivers at 0
	h.idleTick(3000)
	h.feed(0, batchOf(l.Schema, "l", 3, row{"c", 5, 31})) // the left one at 3000
	h.check("wm=-3")
	h.idleTick(4999)
	h.check()
	h.idleTick(5000) // the right input is idle: the watermark is the left one's
	h.check("a 2 10 NULL NULL NULL @10", "wm=26")
	h.feed(1, batchOf(r.Schema, "r", 3, row{"c", 6, 33})) // active again
	h.check("c 5 31 c 6 33 @31")
	h.idleTick(7000)
	h.check()
}

func TestEveryInputIdleGivesTheLargestWatermark(t *testing.T) {
	n, l, r := joinNodes(planner.LeftJoin, 5, nil)
	h := newHarness(t, n, l, r)
	h.caughtUp(0)
	h.caughtUp(1)
	h.feed(0, batchOf(l.Schema, "l", 1, row{"a", 1, 10}, row{"b", 2, 20}))
	h.check()
	h.idleTick(5000) // the right input never delivered; both are idle
	h.check("a 1 10 NULL NULL NULL @10", "wm=15")
}

func TestIdleTableReleasesWaitingStreamRows(t *testing.T) {
	n, s, tb := tableNodes(planner.LeftJoin, true)
	h := newHarness(t, n, s, tb)
	h.caughtUp(1)
	h.feed(1, batchOf(tb.Schema, "t", 1, row{"a", 10, 1}))
	h.feed(0, batchOf(s.Schema, "s", 1, row{"a", 1, 5}))
	h.check("wm=1") // the stream row waits for the table's watermark to reach 5
	h.idleTick(5000)
	h.check("a 1 5 a 10 1 @5", "wm=5")
}

func TestIdleTimeoutCanBeDisabled(t *testing.T) {
	clock := &manualClock{}
	if newIdleInputs(2, -1, clock) != nil || newIdleInputs(1, DefaultIdleTimeout, clock) != nil {
		t.Fatal("a negative IdleTimeout or a single input: nothing is tracked")
	}
	if o := (Options{}).withDefaults(); o.IdleTimeout != DefaultIdleTimeout {
		t.Fatalf("default %v", o.IdleTimeout)
	}
}

// TestIdleInputDetectedWhileRunning: the task's ticker looks for idle inputs on the run's clock.
func TestIdleInputDetectedWhileRunning(t *testing.T) {
	n, l, r := joinNodes(planner.LeftJoin, 5, nil)
	l.Op.(*planner.SourceOp).Connector, r.Op.(*planner.SourceOp).Connector = "mem", "mem" // unbounded
	reg := newMemRegistry()
	reg.sources["l"] = &memSource{batches: []*types.Batch{batchOf(l.Schema, "l", 1, row{"a", 1, 10}, row{"b", 2, 30})}, unbounded: true}
	reg.sources["r"] = &memSource{batches: []*types.Batch{batchOf(r.Schema, "r", 1, row{"z", 3, 1})}, unbounded: true}
	written := make(chan struct{})
	sk := &memSink{onWrite: func() { close(written) }}
	reg.sinks["out"] = sk
	clock := &manualClock{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, dag(l, r, n, sinkNode("out", n.Schema, 2)), quiet(Options{Registry: reg, Clock: clock,
			WatermarkInterval: 5 * time.Millisecond, IdleTimeout: time.Second}))
		done <- err
	}()
	time.Sleep(200 * time.Millisecond)
	if got := sk.lines(); len(got) != 0 {
		t.Fatalf("rows before any input was idle: %v", got)
	}
	clock.now.Store(1000)
	select {
	case <-written:
	case <-time.After(5 * time.Second):
		t.Fatal("the idle inputs never released the watermark")
	}
	cancel()
	<-done
	if got := fmt.Sprint(sk.lines()); got != "[a 1 10 NULL NULL NULL @10]" {
		t.Fatalf("rows %s", got)
	}
}
