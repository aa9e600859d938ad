package kafka

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
)

// Source is a `kafka` source: see the package documentation.
type Source struct {
	cfg  connectors.SourceConfig
	o    *sourceOptions
	l    *layout
	name string // "kafka source orders", for logs and errors
	// Rows is the number of rows per batch (format.DefaultBatchRows when 0).
	Rows int
	// Clock, when set, replaces time.Now (epoch ms) for arrival times, idleness and rejections.
	Clock func() int64

	mu  sync.Mutex
	cur *run // the run whose client stays open until Close
}

// NewSource checks a source's options and columns; it connects to nothing.
func NewSource(cfg connectors.SourceConfig) (*Source, error) {
	name := "kafka source " + cfg.Stream
	o, err := parseSourceOptions(cfg.Options)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	l, err := newLayout(cfg.Schema, o.keyCol)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(l.payload.Fields) == 0 {
		return nil, fmt.Errorf("%s: declare at least one column of the record value besides the metadata columns", name)
	}
	if _, err := newDecoder(o.format, l.payload); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Source{cfg: cfg, o: o, l: l, name: name}, nil
}

// Bounded reports whether the source ends by itself (`end` is set).
func (s *Source) Bounded() bool { return s.o.bounded() }

func (s *Source) now() int64 {
	if s.Clock != nil {
		return s.Clock()
	}
	return time.Now().UnixMilli()
}

// Run consumes until ctx ends or, with `end`, until every partition it owns has been read to
// its end offset; it then returns nil. With a runtime that acknowledges (connectors.Acker), the
// consumer stays in its group until Close; otherwise Run commits and leaves before returning.
func (s *Source) Run(ctx context.Context, out connectors.Emitter) error {
	p, err := s.resolve(ctx)
	if err != nil {
		return err
	}
	r, err := s.newRun(out, p)
	if err != nil {
		return err
	}
	err = r.run(ctx)
	if _, ok := out.(connectors.Acker); ok && r.group() {
		s.mu.Lock()
		s.cur = r
		s.mu.Unlock()
		return err
	}
	r.leave(err == nil)
	return err
}

// Close implements connectors.SourceCloser: after a run that ended normally it commits the
// offsets of everything emitted, then it leaves the group (committing what was acknowledged of
// the partitions it gives up).
func (s *Source) Close(ctx context.Context, ended bool) error {
	s.mu.Lock()
	r := s.cur
	s.cur = nil
	s.mu.Unlock()
	if r == nil {
		return nil
	}
	return r.leave(ended)
}

// newRun creates the client and the state of one run.
func (s *Source) newRun(out connectors.Emitter, p *plan) (*run, error) {
	r := &run{s: s, out: out, plan: p, prog: newProgress(), msgs: make(chan partMsg, 16),
		events: make(chan ownerEvent, 64), fatal: make(chan error, 1), stopped: make(chan struct{}),
		marks:   newMarks(s.l.schema.Delay, s.o.idleTimeout.Milliseconds()),
		workers: map[tp]*worker{}, owned: map[tp]bool{}, done: map[tp]bool{}, sent: -1 << 62}
	r.wmOut, _ = out.(connectors.WatermarkEmitter)
	r.acker, _ = out.(connectors.Acker)
	opts := append(baseOpts(s.name, s.o.brokers), s.consumeOpts(p)...)
	opts = append(opts, kgo.FetchMaxWait(time.Second))
	if s.o.group != "" {
		opts = append(opts, r.groupOpts()...)
	}
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	r.cl = cl
	return r, nil
}

func (s *Source) rows() int {
	if s.Rows > 0 {
		return s.Rows
	}
	return format.DefaultBatchRows
}
