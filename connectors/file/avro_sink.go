package file

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format/avro"
	"github.com/sluicedata/sluice/types"
)

// AvroSink writes rows to one Avro object container file, created (with its folders,
// truncated) by NewAvroSink; the schema is derived from the sink's columns (avro.Writer), the
// codec from the `compression` option. Close writes the last block, flushes and fsyncs.
type AvroSink struct {
	f *os.File
	b *bufio.Writer
	w *avro.Writer
}

// NewAvroSink opens the sink's file; a relative path is relative to cfg.BaseDir.
func NewAvroSink(cfg connectors.SinkConfig) (*AvroSink, error) {
	path := connectors.FileSpec.Get(cfg.Options, "path")
	if !filepath.IsAbs(path) {
		path = filepath.Join(cfg.BaseDir, path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("file sink %s: %w", cfg.Sink, err)
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("file sink %s: %w", cfg.Sink, err)
	}
	s := &AvroSink{f: f, b: bufio.NewWriterSize(f, 256<<10)}
	if s.w, err = avro.NewWriter(s.b, cfg.Schema, connectors.FileSpec.Get(cfg.Options, "compression")); err != nil {
		f.Close()
		return nil, fmt.Errorf("file sink %s: %w", cfg.Sink, err)
	}
	return s, nil
}

// Write encodes the batch's rows.
func (s *AvroSink) Write(_ context.Context, b *types.Batch) error { return s.w.Write(b) }

// Flush ends the current block and makes everything written so far durable (connectors.Flusher):
// a reader of the file sees every acknowledged row.
func (s *AvroSink) Flush(context.Context) error { return s.sync(s.w.Flush()) }

// Close writes the last block, flushes, fsyncs and closes the file.
func (s *AvroSink) Close(context.Context) error {
	err := s.sync(s.w.Close())
	if e := s.f.Close(); err == nil {
		err = e
	}
	return err
}

// sync writes the buffer and fsyncs, reporting the first error (err first).
func (s *AvroSink) sync(err error) error {
	if e := s.b.Flush(); err == nil {
		err = e
	}
	if e := s.f.Sync(); err == nil {
		err = e
	}
	return err
}

var _ connectors.Flusher = (*AvroSink)(nil)
