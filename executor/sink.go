package executor

import (
	"context"
	"sync/atomic"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// sink writes its input to a connector and closes it at the end of input (or when the run
// stops, so that what was written is flushed).
type sink struct {
	stateless
	s       connectors.Sink
	written *atomic.Int64
	closed  bool
}

func (rt *runtime) newSink(n *planner.Node, op *planner.SinkOp) (*sink, error) {
	s, err := rt.opts.Registry.NewSink(op.Connector, connectors.SinkConfig{
		Sink: op.Sink, Schema: n.Schema, Options: op.Options, BaseDir: rt.opts.BaseDir})
	if err != nil {
		return nil, err
	}
	return &sink{s: s, written: rt.stats.RowsWritten[op.Sink]}, nil
}

func (k *sink) Process(ctx *Context, _ int, b *types.Batch) error {
	if err := k.s.Write(ctx.Ctx, b); err != nil {
		return err
	}
	k.written.Add(int64(b.Len))
	return nil
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
