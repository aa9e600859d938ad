package executor

import (
	"context"
	"math"
)

// noTime is the largest event time of a port that has received no row yet.
const noTime = math.MinInt64

// heldBarrier is a barrier waiting in front of a Retainer: it arrived on port after rows whose
// largest event time was t.
type heldBarrier struct {
	b    *barrier
	port int
	t    int64
}

// flushingSink is implemented by the sink operator: a barrier that reaches it is counted down
// once what the sink was given is durable.
type flushingSink interface {
	flush(ctx context.Context) error
}

// barrier handles a barrier that arrived on port (see barrier.go).
func (t *opTask) barrier(port int, b *barrier) error {
	if s, ok := t.op.(flushingSink); ok {
		if err := s.flush(t.octx.Ctx); err != nil {
			return err
		}
		b.release()
		return nil
	}
	if t.retainer != nil && !t.octx.ended && t.retains(port, t.maxTime[port]) {
		t.held = append(t.held, heldBarrier{b: b, port: port, t: t.maxTime[port]})
		return nil
	}
	return t.out.sendBarrier(t.octx.Ctx, b)
}

func (t *opTask) retains(port int, maxTime int64) bool {
	return maxTime != noTime && t.retainer.Retains(port, maxTime)
}

// releaseHeld forwards the held barriers that nothing retains any more.
func (t *opTask) releaseHeld() error {
	if len(t.held) == 0 {
		return nil
	}
	keep := t.held[:0]
	var err error
	for _, h := range t.held {
		if err != nil || t.retains(h.port, h.t) {
			keep = append(keep, h)
			continue
		}
		err = t.out.sendBarrier(t.octx.Ctx, h.b)
	}
	clear(t.held[len(keep):])
	t.held = keep
	return err
}

// forwardHeld forwards every held barrier: the operator has emitted all it will.
func (t *opTask) forwardHeld() error {
	for len(t.held) > 0 {
		h := t.held[0]
		t.held = t.held[1:]
		if err := t.out.sendBarrier(t.octx.Ctx, h.b); err != nil {
			return err
		}
	}
	return nil
}

// dropHeld counts the held barriers down: every consumer has stopped.
func (t *opTask) dropHeld() {
	for _, h := range t.held {
		h.b.release()
	}
	t.held = nil
}

// drain runs after the task is done or abandoned, until the run ends: barriers that still
// arrive are passed on (to consumers still running, else counted down) so that acknowledgements
// do not wait for the end of the run; other messages are dropped.
func (t *opTask) drain(ctx context.Context) {
	for {
		select {
		case m := <-t.in.ch:
			if m.kind == msgBarrier {
				t.out.sendBarrier(ctx, m.bar)
			}
		case <-ctx.Done():
			return
		}
	}
}
