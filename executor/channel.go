package executor

import (
	"context"
	"errors"

	"github.com/sluicedata/sluice/types"
)

// msgKind is what a message between tasks carries.
type msgKind uint8

const (
	msgBatch     msgKind = iota
	msgWatermark         // the producer's watermark advanced
	msgCaughtUp          // the producer has caught up with its input (bounded: read it all; else idle)
	msgEnd               // the producer will send nothing more (its watermark is then MaxTime)
	msgBarrier           // an acknowledgement barrier (see barrier.go)
)

// message travels from a producer task to one input port of a consumer task.
type message struct {
	port  int
	kind  msgKind
	batch *types.Batch
	wm    int64
	bar   *barrier
}

// inbox is a task's single input channel, shared by all its producers (each producer's messages
// stay in order). done is closed when the task stops reading, so producers never block on it.
type inbox struct {
	ch   chan message
	done chan struct{}
}

func newInbox(capacity int) *inbox {
	return &inbox{ch: make(chan message, capacity), done: make(chan struct{})}
}

// target is one consumer of a task's output: an inbox and the port the output arrives on.
type target struct {
	in   *inbox
	port int
	gone bool
}

// outbox fans a task's output out to its consumers: every consumer receives every message (a
// batch is shared, never copied). Sends block while a consumer's inbox is full: backpressure.
type outbox struct {
	targets []*target
	live    int
}

// errAbandoned means every consumer of a task has stopped (a LIMIT was reached downstream): the
// task has nothing left to do.
var errAbandoned = errors.New("every consumer has stopped")

func (o *outbox) add(in *inbox, port int) {
	o.targets = append(o.targets, &target{in: in, port: port})
	o.live++
}

// send delivers m to every live consumer. It returns errAbandoned once no consumer is left, and
// ctx.Err() when the run is cancelled.
func (o *outbox) send(ctx context.Context, m message) error {
	for _, t := range o.targets {
		if t.gone {
			continue
		}
		m.port = t.port
		if err := o.sendOne(ctx, t, m); err != nil {
			return err
		}
	}
	if o.live == 0 && len(o.targets) > 0 {
		return errAbandoned
	}
	return nil
}

// sendBarrier sends a copy of b to every live consumer and counts the sender's copy down; a
// copy that finds its consumer gone is counted down at once.
func (o *outbox) sendBarrier(ctx context.Context, b *barrier) error {
	b.add(o.live)
	for _, t := range o.targets {
		if t.gone {
			continue
		}
		if err := o.sendOne(ctx, t, message{port: t.port, kind: msgBarrier, bar: b}); err != nil {
			return err
		}
		if t.gone {
			b.release()
		}
	}
	b.release()
	return nil
}

func (o *outbox) sendOne(ctx context.Context, t *target, m message) error {
	select {
	case t.in.ch <- m:
		return nil
	case <-t.in.done:
		t.gone = true
		o.live--
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// abandoned returns a channel that is closed once every consumer has stopped reading (nil, never
// closed, for a task without consumers), so that a task stops even when it has nothing to send.
func (o *outbox) abandoned(ctx context.Context) <-chan struct{} {
	if len(o.targets) == 0 {
		return nil
	}
	ch := make(chan struct{})
	go func() {
		for _, t := range o.targets {
			select {
			case <-t.in.done:
			case <-ctx.Done():
				return
			}
		}
		close(ch)
	}()
	return ch
}
