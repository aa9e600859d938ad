// Package connectors defines what a source and a sink are, the typed option specs that
// validate and document every connector's WITH (...) options, and the error-record format.
// It imports only types, so the planner can validate options without compiling any client.
package connectors

import (
	"context"

	"github.com/sluicedata/sluice/types"
)

// SourceConfig is what a source is built from: the declared stream and its validated options.
type SourceConfig struct {
	Stream  string            // the stream or table name
	Schema  *types.Schema     // declared columns, event-time column and delay
	Options map[string]string // validated against the connector's Spec
	BaseDir string            // the working directory that relative paths resolve against
}

// Source reads records and emits them as batches. Bounded sources return nil from Run at the end
// of their input; unbounded ones run until ctx is cancelled. A record that cannot be decoded or
// fails validation is passed to Emitter.Reject and never stops the source.
type Source interface {
	Run(ctx context.Context, out Emitter) error
}

// Emitter receives what a source produces. Batches become immutable once emitted.
type Emitter interface {
	Emit(b *types.Batch) error
	Reject(rec ErrorRecord)
}

// SinkConfig is what a sink is built from.
type SinkConfig struct {
	Sink    string
	Schema  *types.Schema
	Options map[string]string
	BaseDir string
}

// Sink writes batches. Close flushes and makes everything written durable/visible.
type Sink interface {
	Write(ctx context.Context, b *types.Batch) error
	Close(ctx context.Context) error
}

// WatermarkSink is a Sink that acts on event time: the executor's sink operator calls Watermark
// each time its input watermark advances (and with types.MaxTime at the end of a bounded input)
// so that a lake sink can commit the files of hour partitions that are over and mark them with
// `_SUCCESS`.
type WatermarkSink interface {
	Sink
	Watermark(ctx context.Context, wm int64) error
}

// Reasons of error records.
const (
	ReasonDecode  = "decode"
	ReasonSchema  = "schema"
	ReasonNotNull = "not_null"
	ReasonLate    = "late"
)

// ErrorRecord is one rejected record, written by error sinks as one JSON object:
// {"source","reason","message","position","raw","raw_base64"?,"at"}.
type ErrorRecord struct {
	Source   string
	Reason   string
	Message  string
	Position string
	Raw      []byte
	At       int64 // epoch ms of rejection
}

// ErrorSink stores error records (file://dir/, s3://bucket/prefix/, kafka://topic).
type ErrorSink interface {
	Write(rec ErrorRecord) error
	Close() error
}

// Registry builds connectors by name. connectors/all holds the explicit list; cmd passes it to
// the executor, which imports no connector itself.
type Registry interface {
	NewSource(connector string, cfg SourceConfig) (Source, error)
	NewSink(connector string, cfg SinkConfig) (Sink, error)
	NewErrorSink(uri, baseDir string) (ErrorSink, error)
}
