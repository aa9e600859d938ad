package kafka

import (
	"context"
	"time"

	"github.com/sluicedata/sluice/types"
)

// tickEvery is how often the emitter checks idle partitions and commits.
const tickEvery = 200 * time.Millisecond

// loop is the emitter: it emits what the workers decoded, applies ownership changes, advances
// the watermark of idle partitions, and commits, until the end (bounded) or an error.
func (r *run) loop(ctx context.Context) error {
	t := time.NewTicker(tickEvery)
	defer t.Stop()
	defer close(r.stopped)
	r.lastCommit = r.s.now()
	for !r.finished() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-r.fatal:
			return err
		case m := <-r.msgs:
			if err := r.handle(m); err != nil {
				return err
			}
		case ev := <-r.events:
			r.apply(ev)
		case <-t.C:
			if err := r.tick(); err != nil {
				return err
			}
		case err := <-r.ackChan():
			r.acked(err)
		}
	}
	return nil
}

// finished reports whether a bounded source has read every partition it owns to its end.
func (r *run) finished() bool {
	if r.plan.ends == nil || !r.joined {
		return false
	}
	for t := range r.owned {
		if !r.done[t] {
			return false
		}
	}
	return true
}

// handle emits one worker message, unless its partition changed owner since.
func (r *run) handle(m partMsg) error {
	if r.prog.generation(m.tp) != m.gen {
		return nil
	}
	for _, rec := range m.rejects {
		r.out.Reject(rec)
	}
	if m.batch != nil {
		if err := r.emit(m.tp, m.batch); err != nil {
			return err
		}
	}
	r.prog.emit(m.tp, m.gen, m.next)
	r.reached(m.tp, m.next.Offset)
	return nil
}

// emit stamps the batch's watermarks (event time) and emits it.
func (r *run) emit(t tp, b *types.Batch) error {
	if r.s.l.schema.EventTime {
		b.WM = make([]int64, b.Len)
		r.marks.stamp(t, b.Time[:b.Len], b.WM, r.s.now())
		r.sent = max(r.sent, b.WM[b.Len-1])
	}
	return r.out.Emit(b)
}

// reached notes that partition t's next offset is next: at its end offset it is done.
func (r *run) reached(t tp, next int64) {
	end, ok := r.plan.ends[t]
	if !ok || !r.owned[t] || r.done[t] || next < end {
		return
	}
	r.done[t] = true
	r.marks.finish(t)
	r.cl.PauseFetchPartitions(map[string][]int32{t.topic: {t.part}})
}

// apply records an ownership change.
func (r *run) apply(ev ownerEvent) {
	now := r.s.now()
	for _, t := range ev.revoked {
		delete(r.owned, t)
		delete(r.done, t)
		r.marks.remove(t)
	}
	for _, t := range ev.assigned {
		r.owned[t] = true
		delete(r.done, t)
		r.marks.add(t, now)
		r.cl.ResumeFetchPartitions(map[string][]int32{t.topic: {t.part}})
	}
	r.joined = r.joined || ev.joined
	for t, start := range ev.starts {
		r.reached(t, start)
	}
}

// tick advances the watermark past idle partitions and commits on schedule.
func (r *run) tick() error {
	now := r.s.now()
	if r.wmOut != nil && r.s.l.schema.EventTime {
		if w := r.marks.tick(now); w > r.sent {
			r.sent = w
			if err := r.wmOut.Watermark(w); err != nil {
				return err
			}
		}
	}
	if r.group() && now-r.lastCommit >= r.s.o.commitInterval.Milliseconds() {
		r.lastCommit = now
		r.commitTick()
	}
	return nil
}
