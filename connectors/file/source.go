// Package file is the `file` connector: a bounded source over local files (JSON lines or CSV,
// optionally gzip-compressed when the name ends in .gz; Parquet and Avro container files, read
// whole, record by record: see records.go) and a sink that writes one file or a folder.
package file

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
)

// Source reads the files of a `file` source one after the other, in order.
type Source struct {
	cfg     connectors.SourceConfig
	files   []string
	decoder format.Decoder  // line formats
	records *format.Records // whole-file formats (parquet, avro); nil for line formats
	builder *format.Builder
	// Clock, when set, replaces time.Now (epoch ms) for arrival times and rejections.
	Clock func() int64
}

// NewSource resolves the source's files (see Resolve) and its format's decoder.
func NewSource(cfg connectors.SourceConfig) (*Source, error) {
	path := connectors.FileSpec.Get(cfg.Options, "path")
	files, err := Resolve(path, cfg.BaseDir)
	if err != nil {
		return nil, fmt.Errorf("file source %s: %w", cfg.Stream, err)
	}
	s := &Source{cfg: cfg, files: files, builder: format.NewBuilder(cfg.Schema, 0)}
	name := connectors.FileSpec.Get(cfg.Options, "format")
	if format.IsFileFormat(name) {
		s.records = &format.Records{Source: cfg.Stream, Unit: recordUnit(name), Builder: s.builder}
		return s, nil
	}
	if s.decoder, err = format.NewDecoder(name, cfg.Schema); err != nil {
		return nil, fmt.Errorf("file source %s: %w", cfg.Stream, err)
	}
	return s, nil
}

// Files lists the files the source reads, in order.
func (s *Source) Files() []string { return s.files }

// Run reads every file and returns nil at the end of the last one.
func (s *Source) Run(ctx context.Context, out connectors.Emitter) error {
	for _, f := range s.files {
		if err := s.readFile(ctx, f, out); err != nil {
			return err
		}
	}
	return nil
}

func (s *Source) readFile(ctx context.Context, path string, out connectors.Emitter) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("file source %s: %w", s.cfg.Stream, err)
	}
	defer f.Close()
	if s.records != nil {
		return s.readRecords(ctx, f, path, out)
	}
	in, err := decompress(f, path)
	if err != nil {
		return fmt.Errorf("file source %s: %s: %w", s.cfg.Stream, path, err)
	}
	r := &format.Reader{Source: s.cfg.Stream, Name: filepath.Base(path), Decoder: s.decoder,
		Builder: s.builder, Out: out, Clock: s.Clock}
	if err := r.Read(ctx, in); err != nil {
		return fmt.Errorf("file source %s: %s: %w", s.cfg.Stream, path, err)
	}
	return nil
}

// decompress wraps gzip files (by name).
func decompress(f io.Reader, path string) (io.Reader, error) {
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		return gzip.NewReader(f)
	}
	return f, nil
}
