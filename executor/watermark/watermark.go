// Package watermark computes source watermarks and combines the watermarks of an operator's
// inputs. Watermarks are epoch milliseconds; types.MinTime means "nothing yet" and
// types.MaxTime "the input has ended".
package watermark

import "github.com/sluicedata/sluice/types"

// Generator computes an event-time source's watermark: the largest event time read so far
// minus the declared delay.
type Generator struct {
	delay int64
	max   int64
}

// NewGenerator returns a generator for a source whose watermark lags its largest event time by
// delay milliseconds.
func NewGenerator(delay int64) *Generator { return &Generator{delay: delay, max: types.MinTime} }

// Stamp fills wm[i] with the watermark as of row i (inclusive): max(times[0..i], earlier rows)
// minus the delay, and advances the generator. wm must be as long as times.
func (g *Generator) Stamp(times, wm []int64) {
	m := g.max
	for i, t := range times {
		if t > m {
			m = t
		}
		wm[i] = sub(m, g.delay)
	}
	g.max = m
}

// Current is the watermark after every row stamped so far.
func (g *Generator) Current() int64 { return sub(g.max, g.delay) }

// Max is the largest event time stamped so far (for snapshots).
func (g *Generator) Max() int64 { return g.max }

// SetMax restores the largest event time seen (from a snapshot).
func (g *Generator) SetMax(m int64) { g.max = m }

// sub subtracts without leaving [MinTime, MaxTime].
func sub(t, d int64) int64 {
	if t <= types.MinTime+d {
		return types.MinTime
	}
	return t - d
}

// Tracker combines the watermarks of several inputs: an operator's watermark is the minimum over
// its inputs. Input watermarks only move forward; a smaller value than the current is ignored.
//
// An input marked idle (it has delivered nothing for a while) is left out of the minimum until
// it is marked active again; when every input is idle, the combined watermark is the largest
// input watermark (as Flink's StatusWatermarkValve does). The combined watermark can therefore
// move back when an idle input becomes active again; the runtime only passes increases on.
type Tracker struct {
	ports []int64
	idle  []bool
	min   int64
}

// NewTracker returns a tracker for n inputs, all at MinTime.
func NewTracker(n int) *Tracker {
	t := &Tracker{ports: make([]int64, n), idle: make([]bool, n), min: types.MinTime}
	for i := range t.ports {
		t.ports[i] = types.MinTime
	}
	return t
}

// SetIdle marks input port idle or active again and reports whether that changed anything.
func (t *Tracker) SetIdle(port int, idle bool) bool {
	if t.idle[port] == idle {
		return false
	}
	t.idle[port] = idle
	t.combine()
	return true
}

// Idle reports whether input port is marked idle.
func (t *Tracker) Idle(port int) bool { return t.idle[port] }

// combine recomputes the combined watermark.
func (t *Tracker) combine() {
	lo, hi, active := types.MaxTime, types.MinTime, false
	for i, w := range t.ports {
		hi = max(hi, w)
		if !t.idle[i] {
			lo, active = min(lo, w), true
		}
	}
	if !active {
		lo = hi
	}
	t.min = lo
}

// Advance records input port's watermark and reports whether it moved; the combined minimum is
// then Min.
func (t *Tracker) Advance(port int, wm int64) bool {
	if wm <= t.ports[port] {
		return false
	}
	t.ports[port] = wm
	t.combine()
	return true
}

// Min is the combined watermark.
func (t *Tracker) Min() int64 { return t.min }

// Port is input port's watermark.
func (t *Tracker) Port(port int) int64 { return t.ports[port] }

// Effective returns the watermark that judges a row: the larger of the operator's watermark and
// the row's own (rowWM may be nil: a batch without per-row watermarks).
func Effective(op int64, rowWM []int64, i int) int64 {
	if rowWM != nil && rowWM[i] > op {
		return rowWM[i]
	}
	return op
}
