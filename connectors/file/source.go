// Package file is the `file` connector: a bounded source over local files (JSON lines or CSV,
// optionally gzip-compressed when the name ends in .gz) and a sink that writes one file.
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
	decoder format.Decoder
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
	dec, err := format.NewDecoder(connectors.FileSpec.Get(cfg.Options, "format"), cfg.Schema)
	if err != nil {
		return nil, fmt.Errorf("file source %s: %w", cfg.Stream, err)
	}
	return &Source{cfg: cfg, files: files, decoder: dec, builder: format.NewBuilder(cfg.Schema, 0)}, nil
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
