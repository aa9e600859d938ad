package connectors

import "context"

// Optional interfaces through which a runtime and its connectors tell each other about progress:
// watermarks that a source computes itself, acknowledgements of what is durable downstream, and
// flushes. All are additive: a connector or runtime that does not implement them keeps working
// with the plain Source/Sink/Emitter contract.

// WatermarkEmitter is implemented by the Emitter of a runtime that accepts watermarks computed
// by the source itself (per Kafka partition, with idle partitions left out). A source that uses
// it sets Batch.Time and Batch.WM on every batch it emits, WM non-decreasing from row to row and
// from batch to batch; the runtime keeps them as they are (it stamps no watermark of its own) and
// takes the last row's WM as the source's watermark. Watermark advances the source's watermark
// without a row (an idle partition stopped holding it back); a value not above the current
// watermark is ignored.
type WatermarkEmitter interface {
	Emitter
	Watermark(wm int64) error
}

// Acker is implemented by the Emitter of a runtime that can tell a source when what it emitted
// is durable. Ack returns a channel that receives exactly one value: nil once every batch
// emitted and every record rejected before the call has been durably written by every sink and
// error sink it reaches (or dropped by an operator), any operator state derived from it being
// durable too (checkpointed, or emitted and flushed); or the error that ends the run first. A
// source acknowledges upstream only then (Kafka commits its consumer group's offsets): this is
// what makes delivery at-least-once across crashes.
type Acker interface {
	Ack() <-chan error
}

// SourceCloser is implemented by sources that hold resources beyond Run (a Kafka consumer stays
// in its group until its final offsets are committed). A runtime whose Emitter implements Acker
// calls Close exactly once after Run has returned and every sink has been closed; ended reports
// that the run ended normally (every bounded input read to its end, every window emitted, every
// sink closed without error), and the source then acknowledges everything it emitted before
// releasing what it holds. With ended false it acknowledges only what was acknowledged to it.
type SourceCloser interface {
	Close(ctx context.Context, ended bool) error
}

// Flusher is implemented by sinks that buffer: Flush returns once everything written so far is
// durable (a Kafka sink waits for the brokers' acknowledgements). A runtime implementing Acker
// calls it when an acknowledgement barrier reaches the sink.
type Flusher interface {
	Flush(ctx context.Context) error
}
