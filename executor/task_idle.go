package executor

import "time"

// DefaultIdleTimeout is how long an input of an operator with several inputs may deliver
// nothing (no row, no watermark) before it stops holding the operator's watermark back.
const DefaultIdleTimeout = 5 * time.Second

// idleInputs tracks when each input of an operator with several inputs last delivered. An input
// becomes idle when it has caught up with its sources (so a bounded input, and an unbounded one
// still reading its backlog, never does: results over bounded inputs stay deterministic), has
// not ended, and delivered nothing for the timeout. An idle input is left out of the operator's
// watermark (watermark.Tracker) until it delivers again: this is what keeps a quiet Kafka topic
// or Kinesis stream on one side of a join from holding the join back forever. Rows it delivers
// after that may be late, as with Flink's idleness.
type idleInputs struct {
	timeout int64 // ms
	clock   Clock
	last    []int64 // per port: clock time of the last delivery
}

// newIdleInputs returns nil when there is nothing to track: a single input, or timeout < 0.
func newIdleInputs(n int, timeout time.Duration, clock Clock) *idleInputs {
	if n < 2 || timeout < 0 {
		return nil
	}
	return &idleInputs{timeout: timeout.Milliseconds(), clock: clock, last: fill(make([]int64, n), clock.Now())}
}

// idleTicker returns the channel of a ticker that looks for idle inputs (nil when there is
// nothing to track) and its stop function.
func (t *opTask) idleTicker() (<-chan time.Time, func()) {
	if t.idle == nil {
		return nil, func() {}
	}
	tk := time.NewTicker(t.tick)
	return tk.C, tk.Stop
}

// delivered notes that port delivered a row or a watermark: an idle port is active again.
func (t *opTask) delivered(port int) {
	if t.idle == nil {
		return
	}
	t.idle.last[port] = t.idle.clock.Now()
	t.octx.marks.SetIdle(port, false)
}

// markIdle marks the inputs that have gone idle and passes the combined watermark on when that
// moved it.
func (t *opTask) markIdle() error {
	if t.octx.ended {
		return nil
	}
	now := t.idle.clock.Now()
	changed := false
	for p, last := range t.idle.last {
		if t.octx.caught[p] && !t.ended[p] && now-last >= t.idle.timeout && t.octx.marks.SetIdle(p, true) {
			changed = true
			if err := t.observe(p); err != nil {
				return err
			}
		}
	}
	if !changed {
		return nil
	}
	if err := t.combined(true); err != nil {
		return err
	}
	return t.releaseHeld()
}
