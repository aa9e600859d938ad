package file

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// NewSink returns the sink of a `file` connector: a single JSON lines, CSV or Avro container
// file, or, when `partition_by` or a `roll_*` option is set or the format is parquet, a folder
// of files written by the lake sink.
func NewSink(cfg connectors.SinkConfig) (connectors.Sink, error) {
	f := connectors.FileSpec.Get(cfg.Options, "format")
	if f != "avro" && (wantsFolder(cfg.Options) || f == "parquet") {
		return NewLakeSink(cfg) // lake_sink.go: partitioned, rolled, Parquet
	}
	if wantsFolder(cfg.Options) {
		return nil, fmt.Errorf("file sink %s: partitioned and rolling Avro file sinks are not available yet (one Avro file is: drop partition_by and roll_*)", cfg.Sink)
	}
	if f == "avro" {
		return NewAvroSink(cfg) // avro_sink.go
	}
	return NewLineSink(cfg)
}

// wantsFolder reports whether the options make the sink's path a folder.
func wantsFolder(opts map[string]string) bool {
	for _, k := range []string{"partition_by", "roll_interval", "roll_size", "roll_rows"} {
		if connectors.FileSpec.Get(opts, k) != "" {
			return true
		}
	}
	return false
}

// LineSink writes rows as JSON lines or CSV to one file, created (with its folders, truncated)
// by NewLineSink. Writes are buffered; Flush and Close write the buffer and fsync.
type LineSink struct {
	f   *os.File
	w   *bufio.Writer
	enc format.Encoder
	buf []byte
}

// NewLineSink opens the sink's file; a relative path is relative to cfg.BaseDir.
func NewLineSink(cfg connectors.SinkConfig) (*LineSink, error) {
	enc, err := format.NewEncoder(connectors.FileSpec.Get(cfg.Options, "format"), cfg.Schema)
	if err != nil {
		return nil, fmt.Errorf("file sink %s: %w", cfg.Sink, err)
	}
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
	s := &LineSink{f: f, w: bufio.NewWriterSize(f, 256<<10), enc: enc}
	_, err = s.w.Write(enc.Header(nil))
	return s, err
}

// Write encodes the batch's rows.
func (s *LineSink) Write(_ context.Context, b *types.Batch) error {
	s.buf = s.enc.AppendBatch(s.buf[:0], b)
	_, err := s.w.Write(s.buf)
	return err
}

// Flush implements connectors.Flusher: it writes the buffered rows and fsyncs the file, so that
// an acknowledgement barrier that reaches the sink means the rows are durable.
func (s *LineSink) Flush(context.Context) error { return s.sync() }

// sync writes the buffer and fsyncs (also after a failed write, reporting the first error).
func (s *LineSink) sync() error {
	err := s.w.Flush()
	if e := s.f.Sync(); err == nil {
		err = e
	}
	return err
}

// Close flushes, fsyncs and closes the file.
func (s *LineSink) Close(context.Context) error {
	err := s.sync()
	if e := s.f.Close(); err == nil {
		err = e
	}
	return err
}
