package executor

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// sink writes its input to a connector and closes it at the end of input (or when the run
// stops, so that what was written is flushed).
type sink struct {
	stateless
	s       *sharedSink
	writer  int // this node's index among the shared sink's writers
	written *atomic.Int64
	closed  bool
}

// newSink returns the sink operator of n. Sink nodes that write the same target (several INSERT
// INTO one stream) share one connector sink, closed when the last of them finishes.
func (rt *runtime) newSink(n *plan.Node, op *plan.SinkOp) (*sink, error) {
	key := op.Connector + "\x00" + op.Sink
	sh, ok := rt.sinks[key]
	if !ok {
		s, err := rt.opts.Registry.NewSink(op.Connector, connectors.SinkConfig{
			Sink: op.Sink, Schema: n.Schema, Options: op.Options, BaseDir: rt.opts.BaseDir})
		if err != nil {
			return nil, err
		}
		sh = &sharedSink{s: s, sent: types.MinTime}
		if rt.sinks == nil {
			rt.sinks = map[string]*sharedSink{}
		}
		rt.sinks[key] = sh
	}
	sh.writers++
	sh.marks = append(sh.marks, types.MinTime)
	return &sink{s: sh, writer: len(sh.marks) - 1, written: rt.stats.RowsWritten[op.Sink]}, nil
}

// sharedSink serializes the writers of one connector sink and closes it after the last one.
// A connectors.WatermarkSink receives the minimum of its writers' watermarks: a partition is
// complete only when no writer can add to it.
type sharedSink struct {
	mu      sync.Mutex
	s       connectors.Sink
	writers int
	marks   []int64 // each writer's watermark
	sent    int64   // the last watermark given to the sink
}

func (s *sharedSink) Write(ctx context.Context, b *types.Batch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.s.Write(ctx, b)
}

// Watermark records writer's watermark and gives the sink the writers' minimum when it advanced.
func (s *sharedSink) Watermark(ctx context.Context, writer int, wm int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, ok := s.s.(connectors.WatermarkSink)
	if !ok || wm <= s.marks[writer] {
		return nil
	}
	s.marks[writer] = wm
	m := slices.Min(s.marks)
	if m <= s.sent {
		return nil
	}
	s.sent = m
	return ws.Watermark(ctx, m)
}

// Flush makes what was written durable when the sink buffers (connectors.Flusher).
func (s *sharedSink) Flush(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.s.(connectors.Flusher); ok {
		return f.Flush(ctx)
	}
	return nil
}

func (s *sharedSink) Close(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.writers--; s.writers > 0 {
		return nil
	}
	return s.s.Close(ctx)
}

func (k *sink) Process(ctx *Context, _ int, b *types.Batch) error {
	if err := k.s.Write(ctx.Ctx, b); err != nil {
		return err
	}
	k.written.Add(int64(b.Len))
	return nil
}

// Watermark passes the input watermark on to a connectors.WatermarkSink (MaxTime at the end of
// a bounded input, before Finish closes it).
func (k *sink) Watermark(ctx *Context, wm int64) (int64, error) {
	return wm, k.s.Watermark(ctx.Ctx, k.writer, wm)
}

// flush is called when an acknowledgement barrier reaches the sink (see barrier.go).
func (k *sink) flush(ctx context.Context) error {
	if k.closed {
		return nil
	}
	return k.s.Flush(ctx)
}

func (k *sink) Finish(ctx *Context) error {
	k.closed = true
	return k.s.Close(ctx.Ctx)
}

// Close closes the sink when the run stopped before its input ended.
func (k *sink) Close(ctx context.Context) error {
	if k.closed {
		return nil
	}
	k.closed = true
	return k.s.Close(ctx)
}
