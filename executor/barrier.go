package executor

import (
	"context"
	"sync"
	"sync/atomic"
)

// Acknowledgements (connectors.Acker) travel as barriers. A source's Ack sends a barrier to its
// consumers in order with its batches, so everything before it is ahead of it on every path:
//   - stateless operators (filter, project, LIMIT, DEDUPLICATE, which emits a kept row at once)
//     forward it at once;
//   - operators that keep state derived from their input (window and running aggregates, both
//     sides of an interval join, the rows a lookup join holds and its table) hold it until no
//     state derived from rows before it remains (Retainer): there are no durable checkpoints yet,
//     so a barrier behind an open window passes only once that window has been emitted, one
//     behind a running aggregate or a lookup join's table side only at the end of input;
//   - a sink flushes (connectors.Flusher) and counts its copy down.
//
// A barrier is copied at every fan-out and counts its copies in flight; when the last copy has
// been counted down, the error sinks are flushed and the Ack channel receives nil. The first
// error of the run (or its cancellation) resolves every pending barrier with that error.

// barrier is one acknowledgement request in flight.
type barrier struct {
	acks   *acks
	copies atomic.Int64 // copies not yet counted down
	ch     chan error   // receives exactly one value
	once   sync.Once
}

// add counts n more copies (sent to n consumers).
func (b *barrier) add(n int) { b.copies.Add(int64(n)) }

// release counts one copy down (it reached a sink, or an operator dropped it); the last one
// completes the barrier.
func (b *barrier) release() {
	if b.copies.Add(-1) == 0 {
		b.acks.complete(b)
	}
}

func (b *barrier) resolve(err error) {
	b.once.Do(func() {
		b.ch <- err
		b.acks.forget(b)
	})
}

// acks tracks a run's pending barriers.
type acks struct {
	mu      sync.Mutex
	ctx     context.Context
	pending map[*barrier]struct{}
	err     error                           // the run failed: new barriers resolve with it at once
	flush   func(ctx context.Context) error // makes error records durable
}

func newAcks(flush func(context.Context) error) *acks {
	return &acks{ctx: context.Background(), pending: map[*barrier]struct{}{}, flush: flush}
}

// start sets the context of error-sink flushes (the run's).
func (a *acks) start(ctx context.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ctx = ctx
}

// newBarrier returns a barrier holding one copy (its sender's).
func (a *acks) newBarrier() *barrier {
	b := &barrier{acks: a, ch: make(chan error, 1)}
	b.copies.Store(1)
	a.mu.Lock()
	err := a.err
	if err == nil {
		a.pending[b] = struct{}{}
	}
	a.mu.Unlock()
	if err != nil {
		b.resolve(err)
	}
	return b
}

// complete flushes the error sinks and resolves b.
func (a *acks) complete(b *barrier) {
	a.mu.Lock()
	ctx := a.ctx
	a.mu.Unlock()
	b.resolve(a.flush(ctx))
}

func (a *acks) forget(b *barrier) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.pending, b)
}

// fail resolves every pending barrier, and every later one, with err.
func (a *acks) fail(err error) {
	a.mu.Lock()
	if a.err == nil {
		a.err = err
	}
	bs := make([]*barrier, 0, len(a.pending))
	for b := range a.pending {
		bs = append(bs, b)
	}
	a.mu.Unlock()
	for _, b := range bs {
		b.resolve(err)
	}
}

// end resolves what is still pending when the run is over: with nil after a normal end (every
// sink has been closed, so everything is durable), else with the run's error.
func (a *acks) end(err error) {
	a.fail(err)
}
