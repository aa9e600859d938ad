package executor

import (
	"context"
	"time"

	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// opTask runs one operator on its own goroutine: it reads its inbox (batches, watermarks and
// ends from every input port), calls the operator, and forwards watermarks and the end of input.
type opTask struct {
	node    *plan.Node
	op      Operator
	in      *inbox
	out     outbox
	octx    *Context
	ended   []bool
	nEnded  int
	lastMin int64 // the combined watermark last given to the operator
	fwd     int64 // the watermark last forwarded
	caught  bool  // caught-up forwarded
	stats   *NodeStats
	acks    *acks
	// retainer is op as a Retainer (nil when it forwards barriers at once); maxTime is, per
	// port, the largest event time received (noTime before the first row).
	retainer Retainer
	maxTime  []int64
	held     []heldBarrier // barriers waiting in front of the retainer, in arrival order
	idle     *idleInputs   // nil: a single input, or idle inputs are not detected
	tick     time.Duration // how often idle inputs are looked for
}

func newOpTask(n *plan.Node, op Operator, rt *runtime) *opTask {
	t := &opTask{node: n, op: op, in: newInbox(rt.opts.ChannelSize), ended: make([]bool, len(n.Inputs)),
		lastMin: types.MinTime, fwd: types.MinTime, stats: rt.stats.Nodes[n.ID]}
	t.octx = &Context{node: n, clock: rt.opts.Clock, marks: watermark.NewTracker(len(n.Inputs)),
		caught: make([]bool, len(n.Inputs)), stats: rt.stats, rejects: rt.rejects}
	t.stats.State = op.State().Kind
	t.acks = rt.acks
	t.idle = newIdleInputs(len(n.Inputs), rt.opts.IdleTimeout, rt.opts.Clock)
	t.tick = rt.opts.WatermarkInterval
	if r, ok := op.(Retainer); ok {
		t.retainer = r
		t.maxTime = fill(make([]int64, len(n.Inputs)), noTime)
	}
	return t
}

func (t *opTask) run(ctx context.Context) error {
	defer close(t.in.done)
	if c, ok := t.op.(interface{ Close(context.Context) error }); ok {
		defer c.Close(context.WithoutCancel(ctx))
	}
	t.octx.Ctx = ctx
	t.octx.emit = func(b *types.Batch) error { return t.out.send(ctx, message{kind: msgBatch, batch: b}) }
	err := t.loop(ctx)
	if err == nil {
		t.dropHeld() // consumers gone (nothing is held after a normal end)
		go t.drain(ctx)
	}
	return err
}

// loop handles messages until the task is done (nil), its consumers are gone (nil), or an error.
func (t *opTask) loop(ctx context.Context) error {
	gone := t.out.abandoned(ctx)
	tick, stop := t.idleTicker()
	defer stop()
	for {
		select {
		case <-gone:
			return nil
		case <-tick:
			if err := t.markIdle(); err != nil {
				return ignoreAbandoned(err)
			}
		case m := <-t.in.ch:
			done, err := t.handle(m)
			t.stats.Entries.Store(int64(t.op.State().Entries))
			if err != nil || done {
				return ignoreAbandoned(err)
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// handle processes one message; done reports that the task has nothing left to do.
func (t *opTask) handle(m message) (done bool, err error) {
	if m.kind == msgBatch || m.kind == msgWatermark {
		t.delivered(m.port)
	}
	switch m.kind {
	case msgBatch:
		err = t.process(m.port, m.batch)
	case msgWatermark:
		err = t.advance(m.port, m.wm)
	case msgCaughtUp:
		err = t.caughtUp(m.port)
	case msgEnd:
		done, err = t.endPort(m.port)
		if err == nil && !done {
			err = t.releaseHeld()
		}
		return done, err
	case msgBarrier:
		err = t.barrier(m.port, m.bar)
	}
	if err == nil && m.kind != msgBatch && m.kind != msgBarrier {
		err = t.releaseHeld()
	}
	if err == nil && t.octx.ended {
		return true, t.endOutput()
	}
	return false, err
}

func (t *opTask) process(port int, b *types.Batch) error {
	if t.octx.ended {
		return nil
	}
	t.stats.RowsIn.Add(int64(b.Len))
	if t.maxTime != nil {
		for _, x := range b.Time[:b.Len] {
			t.maxTime[port] = max(t.maxTime[port], x)
		}
	}
	return t.op.Process(t.octx, port, b)
}

// advance records port's watermark, tells a PortObserver, and, when the combined watermark
// moved, gives it to the operator and forwards what the operator returns.
func (t *opTask) advance(port int, wm int64) error { return t.advanceTo(port, wm, true) }

// advanceTo is advance; with forward false the operator's result is not forwarded (at the end
// of input, what Finish emits must precede the final watermark).
func (t *opTask) advanceTo(port int, wm int64, forward bool) error {
	if t.octx.ended || !t.octx.marks.Advance(port, wm) {
		return nil
	}
	if err := t.observe(port); err != nil {
		return err
	}
	return t.combined(forward)
}

// combined gives the operator the combined watermark when it moved past the last one given,
// and forwards what the operator returns (unless forward is false).
func (t *opTask) combined(forward bool) error {
	m := t.octx.marks.Min()
	if m <= t.lastMin {
		return nil
	}
	t.lastMin = m
	out, err := t.op.Watermark(t.octx, m)
	if err != nil || !forward {
		return err
	}
	return t.forward(out)
}

func (t *opTask) observe(port int) error {
	if o, ok := t.op.(PortObserver); ok {
		return o.InputProgress(t.octx, port)
	}
	return nil
}

func (t *opTask) forward(wm int64) error {
	if wm <= t.fwd {
		return nil
	}
	t.fwd = wm
	t.stats.Watermark.Store(wm)
	return t.out.send(t.octx.Ctx, message{kind: msgWatermark, wm: wm})
}

func (t *opTask) caughtUp(port int) error {
	if t.octx.caught[port] {
		return nil
	}
	t.octx.caught[port] = true
	if err := t.observe(port); err != nil {
		return err
	}
	for _, c := range t.octx.caught {
		if !c {
			return nil
		}
	}
	return t.sendCaughtUp()
}

func (t *opTask) sendCaughtUp() error {
	if t.caught {
		return nil
	}
	t.caught = true
	return t.out.send(t.octx.Ctx, message{kind: msgCaughtUp})
}

// endPort handles the end of one input: its watermark becomes MaxTime; when every input has
// ended the operator finishes and the task ends its own output.
func (t *opTask) endPort(port int) (bool, error) {
	if t.ended[port] {
		return false, nil
	}
	t.ended[port] = true
	t.nEnded++
	if err := t.caughtUp(port); err != nil {
		return false, err
	}
	last := t.nEnded == len(t.ended)
	if err := t.advanceTo(port, types.MaxTime, !last); err != nil {
		return false, err
	}
	if !last && !t.octx.ended {
		return false, nil
	}
	if !t.octx.ended {
		if err := t.op.Finish(t.octx); err != nil {
			return false, err
		}
	}
	return true, t.endOutput()
}

// endOutput forwards the barriers still held (everything before them has been emitted), MaxTime
// and the end of output: downstream windows close and flush.
func (t *opTask) endOutput() error {
	t.octx.ended = true
	if err := t.forwardHeld(); err != nil {
		return err
	}
	if err := t.sendCaughtUp(); err != nil {
		return err
	}
	if err := t.forward(types.MaxTime); err != nil {
		return err
	}
	return t.out.send(t.octx.Ctx, message{kind: msgEnd})
}
