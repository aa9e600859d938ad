package errsink

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sluicedata/sluice/connectors"
)

// File writes error records as JSON lines into a new file of a folder. The file is created at
// the first record, named `<source>-<UTC start time>-<pid>-<n>.jsonl` after that record's
// source, so several sinks (and processes) can share a folder; a query without rejections
// leaves no file. Write and Flush are safe for concurrent use; Flush and Close write the buffer
// and fsync.
type File struct {
	dir     string
	mu      sync.Mutex
	f       *os.File
	w       *bufio.Writer
	buf     []byte
	written time.Time
	err     error
}

// flushEvery bounds how long a record stays in memory before it reaches the file.
const flushEvery = time.Second

var seq atomic.Int64

// NewFile returns an error sink writing into dir (created when needed).
func NewFile(dir string) *File { return &File{dir: dir} }

// Path is the file written so far ("" before the first record).
func (s *File) Path() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return ""
	}
	return s.f.Name()
}

// Write appends one record.
func (s *File) Write(rec connectors.ErrorRecord) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	if s.f == nil {
		if s.err = s.open(rec.Source); s.err != nil {
			return s.err
		}
	}
	s.buf = append(AppendRecord(s.buf[:0], rec), '\n')
	if _, s.err = s.w.Write(s.buf); s.err == nil && time.Since(s.written) > flushEvery {
		s.err, s.written = s.w.Flush(), time.Now()
	}
	return s.err
}

func (s *File) open(source string) error {
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return fmt.Errorf("error sink: %w", err)
	}
	name := fmt.Sprintf("%s-%s-%d-%d.jsonl", fileSafe(source), time.Now().UTC().Format("20060102T150405Z"), os.Getpid(), seq.Add(1))
	f, err := os.OpenFile(filepath.Join(s.dir, name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("error sink: %w", err)
	}
	s.f, s.w, s.written = f, bufio.NewWriterSize(f, 64<<10), time.Now()
	return nil
}

// fileSafe keeps letters, digits, '-' and '_' of a source name.
func fileSafe(s string) string {
	out := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, s)
	if out == "" {
		return "errors"
	}
	return out
}

// Flush implements connectors.Flusher: the records written so far reach the file and are
// fsynced, so that an acknowledgement means its rejected records are durable too. A failure
// sticks: later writes and flushes return it.
func (s *File) Flush(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil || s.f == nil {
		return s.err
	}
	s.err, s.written = s.sync(), time.Now()
	return s.err
}

// sync writes the buffer and fsyncs (also after a failed write, reporting the first error).
func (s *File) sync() error {
	err := s.w.Flush()
	if e := s.f.Sync(); err == nil {
		err = e
	}
	return err
}

// Close flushes, fsyncs and closes the file.
func (s *File) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return s.err
	}
	err := s.sync()
	if e := s.f.Close(); err == nil {
		err = e
	}
	s.f = nil
	if s.err == nil {
		s.err = err
	}
	return err
}
