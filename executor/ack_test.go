package executor

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// scriptSource runs its steps in order with the runtime's Emitter, then ends.
type scriptSource struct {
	steps  []func(ctx context.Context, out connectors.Emitter) error
	closed chan bool // receives Close's ended, when set
	log    *syncLog  // logs "close source" when set
}

func (s *scriptSource) Run(ctx context.Context, out connectors.Emitter) error {
	for _, step := range s.steps {
		if err := step(ctx, out); err != nil {
			return err
		}
	}
	return nil
}

func (s *scriptSource) Close(_ context.Context, ended bool) error {
	if s.log != nil {
		s.log.add(fmt.Sprint("close source ended=", ended))
	}
	if s.closed != nil {
		s.closed <- ended
	}
	return nil
}

func emitStep(b *types.Batch) func(context.Context, connectors.Emitter) error {
	return func(_ context.Context, out connectors.Emitter) error { return out.Emit(b) }
}

// flushSink logs writes and flushes.
type flushSink struct {
	memSink
	log    syncLog
	closed *syncLog // logs "close <name>" when set
	name   string
}

func (s *flushSink) Write(ctx context.Context, b *types.Batch) error {
	if err := s.memSink.Write(ctx, b); err != nil {
		return err
	}
	s.log.add(fmt.Sprintf("write %d", b.Len))
	return nil
}

func (s *flushSink) Flush(context.Context) error {
	s.log.add("flush")
	return nil
}

func (s *flushSink) Close(ctx context.Context) error {
	if s.closed != nil {
		s.closed.add("close " + s.name)
	}
	return s.memSink.Close(ctx)
}

type syncLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *syncLog) add(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, s)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, ", ")
}

// TestAckArrivesAfterEverySinkFlushedTheRowsBeforeIt: a source fanned out to two sinks (one
// behind a filter) gets its acknowledgement once both have written and flushed what came before.
func TestAckArrivesAfterEverySinkFlushedTheRowsBeforeIt(t *testing.T) {
	s := eventSchema(0)
	filter := &planner.Node{Inputs: []int{0}, Schema: s, Op: &planner.FilterOp{Pred: call(">", types.Bool, colV, lit(int64(1), types.BigInt))}}
	a, b := &flushSink{}, &flushSink{}
	var atAck string
	src := &scriptSource{steps: []func(context.Context, connectors.Emitter) error{
		emitStep(batchOf(s, "ev", 1, row{"a", 1, 1}, row{"b", 2, 2})),
		emitStep(batchOf(s, "ev", 3, row{"c", 3, 3})),
		func(_ context.Context, out connectors.Emitter) error {
			if err := <-out.(connectors.Acker).Ack(); err != nil {
				return err
			}
			atAck = "a: " + a.log.String() + "; b: " + b.log.String()
			return nil
		},
		emitStep(batchOf(s, "ev", 4, row{"d", 4, 4})),
	}}
	reg := newMemRegistry()
	reg.sources["ev"] = src
	reg.custom = map[string]connectors.Sink{"a": a, "b": b}
	d := dag(sourceNode("ev", s, "mem"), sinkNode("a", s, 0), filter, sinkNode("b", s, 2))
	if _, err := Run(context.Background(), d, quiet(Options{Registry: reg})); err != nil {
		t.Fatal(err)
	}
	if want := "a: write 2, write 1, flush; b: write 1, write 1, flush"; atAck != want {
		t.Fatalf("at the acknowledgement: %s, want %s", atAck, want)
	}
}

// TestWindowDelaysAckUntilItsWindowIsWritten: the acknowledgement of rows in an open window
// arrives only once that window's row has been written and flushed.
func TestWindowDelaysAckUntilItsWindowIsWritten(t *testing.T) {
	n, in := aggNode(&planner.Window{Kind: planner.Tumbling, Size: 10}, planner.EmitFinal)
	sk := &flushSink{}
	var ack <-chan error
	var early error = errors.New("none")
	var atAck string
	src := &scriptSource{steps: []func(context.Context, connectors.Emitter) error{
		emitStep(batchOf(in.Schema, "ev", 1, row{"a", 1, 1}, row{"a", 2, 5})),
		func(_ context.Context, out connectors.Emitter) error {
			ack = out.(connectors.Acker).Ack()
			select {
			case early = <-ack:
			case <-time.After(100 * time.Millisecond):
			}
			return nil
		},
		emitStep(batchOf(in.Schema, "ev", 3, row{"a", 3, 12})),
		func(context.Context, connectors.Emitter) error {
			if err := <-ack; err != nil {
				return err
			}
			atAck = sk.log.String() + " " + strings.Join(sk.lines(), "|")
			return nil
		},
	}}
	reg := newMemRegistry()
	reg.sources["ev"] = src
	reg.custom = map[string]connectors.Sink{"out": sk}
	if _, err := Run(context.Background(), dag(in, n, sinkNode("out", n.Schema, 1)), quiet(Options{Registry: reg})); err != nil {
		t.Fatal(err)
	}
	if early == nil || early.Error() != "none" {
		t.Fatalf("acknowledged while the window was open: %v", early)
	}
	if want := "write 1, flush a 0 10 2 3 @9"; atAck != want {
		t.Fatalf("at the acknowledgement: %q, want %q", atAck, want)
	}
}

// TestErrorEndsPendingAcks: a sink error ends the acknowledgement pending behind a window with
// that error, and the source is closed with ended false after the sink.
func TestErrorEndsPendingAcks(t *testing.T) {
	n, in := aggNode(&planner.Window{Kind: planner.Tumbling, Size: 10}, planner.EmitFinal)
	sk := &flushSink{memSink: memSink{failOn: 1}}
	var ackErr error
	src := &scriptSource{closed: make(chan bool, 1), steps: []func(context.Context, connectors.Emitter) error{
		emitStep(batchOf(in.Schema, "ev", 1, row{"a", 1, 1})),
		func(ctx context.Context, out connectors.Emitter) error {
			ack := out.(connectors.Acker).Ack()
			if err := out.Emit(batchOf(in.Schema, "ev", 2, row{"a", 2, 12})); err != nil {
				return err
			}
			ackErr = <-ack
			return ctx.Err()
		},
	}}
	reg := newMemRegistry()
	reg.sources["ev"] = src
	reg.custom = map[string]connectors.Sink{"out": sk}
	_, err := Run(context.Background(), dag(in, n, sinkNode("out", n.Schema, 1)), quiet(Options{Registry: reg}))
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("run error %v", err)
	}
	if ackErr == nil || !strings.Contains(ackErr.Error(), "disk full") {
		t.Fatalf("acknowledgement %v, want the sink's error", ackErr)
	}
	if ended := <-src.closed; ended {
		t.Fatal("Close(ended) after a failed run")
	}
}

// TestSourceClosedAfterSinks: Close(ended=true) comes after every sink was closed.
func TestSourceClosedAfterSinks(t *testing.T) {
	s := eventSchema(0)
	var order syncLog
	sk := &flushSink{closed: &order, name: "out"}
	src := &scriptSource{log: &order, steps: []func(context.Context, connectors.Emitter) error{
		emitStep(batchOf(s, "ev", 1, row{"a", 1, 1}))}}
	reg := newMemRegistry()
	reg.sources["ev"] = src
	reg.custom = map[string]connectors.Sink{"out": sk}
	if _, err := Run(context.Background(), dag(sourceNode("ev", s, "mem"), sinkNode("out", s, 0)), quiet(Options{Registry: reg})); err != nil {
		t.Fatal(err)
	}
	if got := order.String(); got != "close out, close source ended=true" {
		t.Fatalf("order %s", got)
	}
}
