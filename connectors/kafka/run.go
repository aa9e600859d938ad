package kafka

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// run is one Run of a source. Three kinds of goroutines share it:
//   - the poller fetches records and hands each partition's records to that partition's worker;
//   - one worker per partition decodes its records into batches (partitions decode in parallel);
//   - the emitter (Run's goroutine) emits batches in arrival order, stamps watermarks, tracks
//     what was emitted and commits; it alone touches the fields below wmu.
//
// The group callbacks (franz-go's goroutine) change ownership through prog and tell the emitter
// through events.
type run struct {
	s      *Source
	out    connectors.Emitter
	wmOut  connectors.WatermarkEmitter // nil: the runtime stamps its own watermark
	acker  connectors.Acker            // nil: commits follow emission (see commit.go)
	plan   *plan
	cl     *kgo.Client
	prog   *progress
	msgs   chan partMsg
	events chan ownerEvent
	fatal  chan error
	ctx    context.Context // the poller's and workers' context
	wg     sync.WaitGroup
	// stopped is closed when the emitter stops reading events. It and fatal are made with the
	// run, before the client whose group callbacks read them.
	stopped chan struct{}

	wmu     sync.Mutex
	workers map[tp]*worker

	marks      *marks
	owned      map[tp]bool
	done       map[tp]bool // read to the end offset
	joined     bool        // ownership is known (a group assignment happened)
	sent       int64       // the last watermark given to wmOut
	pending    []pendingAck
	lastCommit int64
	lag        snapshot // without acknowledgements: the snapshot of the previous commit tick
}

// partMsg is what a worker hands the emitter: a batch and the records rejected before it, and
// the offset after the last record handled.
type partMsg struct {
	tp      tp
	gen     int64
	batch   *types.Batch
	rejects []connectors.ErrorRecord
	next    kgo.EpochOffset
}

// ownerEvent tells the emitter about ownership changes and where assigned partitions start.
type ownerEvent struct {
	assigned []tp
	revoked  []tp
	starts   map[tp]int64
	joined   bool
}

func (r *run) group() bool { return r.s.o.group != "" }

// run polls and emits until the end (bounded), an error, or ctx's end.
func (r *run) run(ctx context.Context) error {
	pctx, cancel := context.WithCancel(ctx)
	r.ctx = pctx
	defer func() {
		cancel()
		r.wg.Wait()
	}()
	if !r.group() {
		r.assignAll()
	}
	r.wg.Go(func() { r.poll(pctx) })
	return r.loop(pctx)
}

// assignAll owns every planned partition (a source without group).
func (r *run) assignAll() {
	parts := make([]tp, 0, len(r.plan.starts))
	for t := range r.plan.starts {
		parts = append(parts, t)
	}
	r.prog.assign(parts)
	r.events <- ownerEvent{assigned: parts, starts: r.plan.starts, joined: true}
}

// send hands an event to the emitter unless it has stopped.
func (r *run) send(ev ownerEvent) {
	select {
	case r.events <- ev:
	case <-r.stopped:
	}
}

// poll fetches until ctx ends and dispatches each partition's records to its worker.
func (r *run) poll(ctx context.Context) {
	errs := newErrLog(r.s.name)
	for {
		fs := r.cl.PollFetches(ctx)
		if ctx.Err() != nil || fs.IsClientClosed() {
			return
		}
		fs.EachError(func(topic string, part int32, err error) {
			if !errors.Is(err, context.Canceled) {
				errs.log("fetch "+prefix(topic, part), err)
			}
		})
		fs.EachPartition(func(p kgo.FetchTopicPartition) {
			if len(p.Records) > 0 {
				r.dispatch(ctx, p)
			}
		})
	}
}

func (r *run) dispatch(ctx context.Context, p kgo.FetchTopicPartition) {
	w := r.worker(tp{p.Topic, p.Partition})
	if w == nil {
		return
	}
	select {
	case w.in <- p.Records:
	case <-w.quit:
	case <-ctx.Done():
	}
}

// worker returns the worker of a partition the source owns, starting one for a new ownership.
func (r *run) worker(t tp) *worker {
	gen := r.prog.generation(t)
	if gen == 0 {
		return nil
	}
	r.wmu.Lock()
	defer r.wmu.Unlock()
	if w := r.workers[t]; w != nil && w.gen == gen {
		return w
	}
	if old := r.workers[t]; old != nil {
		close(old.quit)
	}
	w, err := r.newWorker(t, gen)
	if err != nil {
		r.fail(err)
		return nil
	}
	r.workers[t] = w
	r.wg.Go(func() { w.run(r.ctx, r.msgs) })
	return w
}

func (r *run) newWorker(t tp, gen int64) (*worker, error) {
	d, err := newPartDecoder(r.s.l, r.s.cfg.Stream, r.s.o.format, t.topic, t.part, r.s.rows())
	if err != nil {
		return nil, err
	}
	end := int64(-1)
	if e, ok := r.plan.ends[t]; ok {
		end = e
	}
	return &worker{t: t, gen: gen, end: end, d: d, now: r.s.now,
		in: make(chan []*kgo.Record, 4), quit: make(chan struct{})}, nil
}

// stopWorkers stops the workers of partitions given up.
func (r *run) stopWorkers(parts []tp) {
	r.wmu.Lock()
	defer r.wmu.Unlock()
	for _, t := range parts {
		if w := r.workers[t]; w != nil {
			close(w.quit)
			delete(r.workers, t)
		}
	}
}

func (r *run) fail(err error) {
	select {
	case r.fatal <- err:
	default:
	}
}

// worker decodes the records of one partition, in order.
type worker struct {
	t    tp
	gen  int64
	end  int64 // offsets from here on are not read (-1: no end)
	d    *partDecoder
	now  func() int64
	in   chan []*kgo.Record
	quit chan struct{}
}

func (w *worker) run(ctx context.Context, out chan<- partMsg) {
	for {
		select {
		case recs := <-w.in:
			if !w.decode(ctx, recs, out) {
				return
			}
		case <-w.quit:
			return
		case <-ctx.Done():
			return
		}
	}
}

// decode turns recs into batches sent to out; false means the worker must stop.
func (w *worker) decode(ctx context.Context, recs []*kgo.Record, out chan<- partMsg) bool {
	now := w.now()
	for _, rec := range recs {
		if w.end >= 0 && rec.Offset >= w.end {
			break
		}
		if w.d.add(rec, now) && !w.send(ctx, out) {
			return false
		}
	}
	return w.send(ctx, out)
}

func (w *worker) send(ctx context.Context, out chan<- partMsg) bool {
	b, rejects := w.d.take()
	if b == nil && rejects == nil {
		return true
	}
	m := partMsg{tp: w.t, gen: w.gen, batch: b, rejects: rejects,
		next: kgo.EpochOffset{Epoch: w.d.epoch, Offset: w.d.next}}
	select {
	case out <- m:
		return true
	case <-w.quit:
	case <-ctx.Done():
	}
	return false
}

// errLog logs recurring errors at most once per 10 s per kind.
type errLog struct {
	name string
	last map[string]time.Time
}

func newErrLog(name string) *errLog { return &errLog{name: name, last: map[string]time.Time{}} }

func (e *errLog) log(what string, err error) {
	k := what + err.Error()
	if t, ok := e.last[k]; ok && time.Since(t) < 10*time.Second {
		return
	}
	e.last[k] = time.Now()
	Logf("%s: %s: %v (retrying)", e.name, what, err)
}
