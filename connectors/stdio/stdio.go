// Package stdio is the `stdin` source and the `stdout` sink.
package stdio

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// Source reads JSON lines or CSV (header row first) from a reader, typically os.Stdin, and
// ends at the end of input. Rows are emitted after every read, so interactive input shows up
// at once; positions are "stdin:<line>".
type Source struct {
	cfg connectors.SourceConfig
	in  io.Reader
	dec format.Decoder
}

// NewSource returns a source reading in (os.Stdin in production).
func NewSource(cfg connectors.SourceConfig, in io.Reader) (*Source, error) {
	dec, err := format.NewDecoder(connectors.StdinSpec.Get(cfg.Options, "format"), cfg.Schema)
	if err != nil {
		return nil, fmt.Errorf("stdin source %s: %w", cfg.Stream, err)
	}
	return &Source{cfg: cfg, in: in, dec: dec}, nil
}

// Run reads until the end of input.
func (s *Source) Run(ctx context.Context, out connectors.Emitter) error {
	r := &format.Reader{Source: s.cfg.Stream, Name: "stdin", Decoder: s.dec,
		Builder: format.NewBuilder(s.cfg.Schema, 0), Out: out, Chunk: 64 << 10, Flush: true}
	return r.Read(ctx, s.in)
}

// Sink writes rows to a writer, typically os.Stdout, as JSON lines or CSV (with a header),
// one write per batch so that interactive users see rows at once. Write and Close are safe
// for concurrent use (several queries may print to the same terminal).
type Sink struct {
	mu     sync.Mutex
	w      io.Writer
	enc    format.Encoder
	buf    []byte
	header bool
}

// NewSink returns a sink writing to w (os.Stdout in production).
func NewSink(cfg connectors.SinkConfig, w io.Writer) (*Sink, error) {
	enc, err := format.NewEncoder(connectors.StdoutSpec.Get(cfg.Options, "format"), cfg.Schema)
	if err != nil {
		return nil, fmt.Errorf("stdout sink %s: %w", cfg.Sink, err)
	}
	return &Sink{w: w, enc: enc}, nil
}

// Write prints the batch's rows.
func (s *Sink) Write(_ context.Context, b *types.Batch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf = s.buf[:0]
	if !s.header {
		s.buf, s.header = s.enc.Header(s.buf), true
	}
	s.buf = s.enc.AppendBatch(s.buf, b)
	_, err := s.w.Write(s.buf)
	return err
}

// Close flushes the writer when it can be flushed; it never closes it.
func (s *Sink) Close(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.w.(interface{ Flush() error }); ok {
		return f.Flush()
	}
	return nil
}
