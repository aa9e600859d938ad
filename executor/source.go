package executor

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// sourceTask runs one connector source and stamps what it emits with time and watermarks:
//   - with event time (Schema.EventTime), WM[i] = the largest event time read so far, row i
//     included, minus Schema.Delay; the same value is sent as a watermark after each batch;
//     a source that computes its own watermarks (connectors.WatermarkEmitter, per Kafka
//     partition) sets Time and WM itself, and they are kept;
//   - without, Time is the arrival time (the clock at Emit) and so is the watermark, which also
//     advances with the clock at every tick while the source is idle.
//
// A bounded source that ends sends the watermark MaxTime and ends its output. It is the
// Emitter of its connector: Emit runs on the connector's goroutine, the ticker on another, so
// both take mu.
type sourceTask struct {
	node     *plan.Node
	op       *plan.SourceOp
	src      connectors.Source
	out      outbox
	gen      *watermark.Generator
	bounded  bool
	rejects  *rejects
	acks     *acks
	stats    *Stats
	clock    Clock
	interval time.Duration

	mu        sync.Mutex
	ctx       context.Context
	cancel    context.CancelFunc
	sent      int64 // last watermark sent
	active    bool  // emitted since the last tick
	emitted   bool  // emitted at least once
	idleTicks int   // ticks in a row without a record
	reporter  bool  // the source tells itself when it has caught up (CatchUpReporter)
	caughtUp  bool
	rejectErr error
	abandoned atomic.Bool // every consumer has stopped: the source was cancelled for that
}

func newSourceTask(n *plan.Node, op *plan.SourceOp, src connectors.Source, rt *runtime) *sourceTask {
	return &sourceTask{node: n, op: op, src: src, gen: watermark.NewGenerator(n.Schema.Delay),
		bounded: isBounded(op), rejects: rt.rejects, acks: rt.acks, stats: rt.stats, clock: rt.opts.Clock,
		interval: rt.opts.WatermarkInterval, sent: types.MinTime}
}

// isBounded reports whether the source ends by itself (a file, a bounded replay).
func isBounded(op *plan.SourceOp) bool {
	spec, ok := connectors.Lookup(op.Connector)
	return ok && spec.BoundedWith(op.Options)
}

func (s *sourceTask) run(ctx context.Context) error {
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	s.ctx, s.cancel = sctx, cancel
	s.mu.Unlock()
	tickerDone := make(chan struct{})
	go s.tick(sctx, tickerDone)
	go s.watch(sctx)
	if r, ok := s.src.(CatchUpReporter); ok {
		s.reporter = true
		go s.awaitCatchUp(sctx, r.CaughtUp())
	}
	err := s.src.Run(sctx, s)
	cancel()
	<-tickerDone
	return s.finish(ctx, err)
}

// finish ends the source's output after its Run returned err.
func (s *sourceTask) finish(ctx context.Context, err error) error {
	switch {
	case s.abandoned.Load():
		return nil
	case s.rejectErr != nil:
		return s.rejectErr
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil:
		return err
	}
	return s.end(ctx)
}

func (s *sourceTask) end(ctx context.Context) error {
	s.caughtUp = true
	for _, m := range []message{{kind: msgCaughtUp}, {kind: msgWatermark, wm: types.MaxTime}, {kind: msgEnd}} {
		if err := s.out.send(ctx, m); err != nil {
			return ignoreAbandoned(err)
		}
	}
	s.stats.Nodes[s.node.ID].Watermark.Store(types.MaxTime)
	return nil
}

func ignoreAbandoned(err error) error {
	if errors.Is(err, errAbandoned) {
		return nil
	}
	return err
}

// Emit stamps b and sends it, then the new watermark, to every consumer.
func (s *sourceTask) Emit(b *types.Batch) error {
	if b == nil || b.Len == 0 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rejectErr != nil {
		return s.rejectErr
	}
	nb, wm := s.stamp(b)
	s.stats.RowsRead[s.op.Stream].Add(int64(b.Len))
	s.stats.Nodes[s.node.ID].RowsOut.Add(int64(b.Len))
	s.active, s.emitted = true, true
	if err := s.out.send(s.ctx, message{kind: msgBatch, batch: nb}); err != nil {
		return s.stop(err)
	}
	return s.stop(s.sendWatermark(wm))
}

// stop turns errAbandoned into the end of the source (its context is cancelled).
func (s *sourceTask) stop(err error) error {
	if errors.Is(err, errAbandoned) {
		s.abandoned.Store(true)
		s.cancel()
	}
	return err
}

// watch cancels the source once every consumer has stopped (a LIMIT was reached downstream),
// even while the source is idle.
func (s *sourceTask) watch(ctx context.Context) {
	select {
	case <-s.out.abandoned(ctx):
		s.abandoned.Store(true)
		s.cancel()
	case <-ctx.Done():
	}
}

// stamp returns a copy of b (the connector's batch is not modified) with Time and WM set, and
// the watermark after it. With event time, a batch that carries its own Time and WM (a source
// using connectors.WatermarkEmitter) keeps them, and its last row's WM is the watermark.
func (s *sourceTask) stamp(b *types.Batch) (*types.Batch, int64) {
	nb := *b
	if !s.node.Schema.EventTime {
		now := s.clock.Now()
		nb.Time = fill(make([]int64, b.Len), now)
		nb.WM = nb.Time
		return &nb, now
	}
	if len(b.WM) >= b.Len && len(b.Time) >= b.Len {
		return &nb, b.WM[b.Len-1] // computed by the source (connectors.WatermarkEmitter)
	}
	nb.Time = eventTimes(b)
	nb.WM = make([]int64, b.Len)
	s.gen.Stamp(nb.Time, nb.WM)
	return &nb, s.gen.Current()
}

func fill(s []int64, v int64) []int64 {
	for i := range s {
		s[i] = v
	}
	return s
}

// eventTimes returns b's event times, read from its time column when the source left Time empty.
func eventTimes(b *types.Batch) []int64 {
	if len(b.Time) >= b.Len {
		return b.Time[:b.Len]
	}
	out := fill(make([]int64, b.Len), types.MinTime)
	if tc := b.Schema.TimeCol; tc >= 0 && tc < len(b.Cols) {
		col := b.Cols[tc]
		for i := range out {
			if i < len(col.I64) && !col.Nulls.Get(i) {
				out[i] = col.I64[i]
			}
		}
	}
	return out
}

// Watermark implements connectors.WatermarkEmitter: it advances an event-time source's
// watermark without a row (a value not above the current one is ignored). Processing-time
// sources keep their clock-driven watermark.
func (s *sourceTask) Watermark(wm int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.node.Schema.EventTime {
		return nil
	}
	return s.stop(s.sendWatermark(wm))
}

// sendWatermark sends wm when it is ahead of the last one sent. Called with mu held.
func (s *sourceTask) sendWatermark(wm int64) error {
	if wm <= s.sent {
		return nil
	}
	s.sent = wm
	s.stats.Nodes[s.node.ID].Watermark.Store(wm)
	return s.out.send(s.ctx, message{kind: msgWatermark, wm: wm})
}

// Ack implements connectors.Acker: it sends an acknowledgement barrier after the batches
// emitted so far (see barrier.go).
func (s *sourceTask) Ack() <-chan error {
	b := s.acks.newBarrier()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.out.sendBarrier(s.ctx, b); err != nil {
		b.resolve(err)
	}
	return b.ch
}

// Reject sends a record the connector could not turn into a row to the source's error sink.
func (s *sourceTask) Reject(rec connectors.ErrorRecord) {
	if rec.Source == "" {
		rec.Source = s.op.Stream
	}
	if err := s.rejects.reject(rec); err != nil {
		s.mu.Lock()
		s.rejectErr = err
		s.mu.Unlock()
	}
}

// CatchUpReporter is implemented by unbounded sources that know when they have read what their
// input held when they started (a Kafka consumer at the end offsets it saw): the channel is
// closed then. Other unbounded sources are deemed caught up after their first record followed by
// a whole idle interval, or after idleCatchUp intervals without any record.
type CatchUpReporter interface {
	CaughtUp() <-chan struct{}
}

const idleCatchUp = 5

func (s *sourceTask) awaitCatchUp(ctx context.Context, ch <-chan struct{}) {
	select {
	case <-ch:
	case <-ctx.Done():
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stop(s.sendCaughtUp())
}

// sendCaughtUp tells consumers that the source has caught up, once. Called with mu held.
func (s *sourceTask) sendCaughtUp() error {
	if s.caughtUp {
		return nil
	}
	s.caughtUp = true
	return s.out.send(s.ctx, message{kind: msgCaughtUp})
}

// tick advances a processing-time watermark with the clock and, for an unbounded source, decides
// when it has caught up (see CatchUpReporter).
func (s *sourceTask) tick(ctx context.Context, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(s.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.onTick()
		}
	}
}

func (s *sourceTask) onTick() {
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	if !s.node.Schema.EventTime {
		err = s.sendWatermark(s.clock.Now())
	}
	s.idleTicks++
	if s.active {
		s.idleTicks = 0
	}
	if err == nil && !s.bounded && !s.reporter && (s.emitted && s.idleTicks >= 1 || s.idleTicks >= idleCatchUp) {
		err = s.sendCaughtUp()
	}
	s.active = false
	if err != nil {
		s.stop(err)
	}
}
