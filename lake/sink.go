package lake

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/sluicedata/sluice/types"
)

// SinkOptions configure a lake sink: a folder of partitioned, rolled files.
type SinkOptions struct {
	Name         string        // the sink's name (recorded in the manifest, part of file names)
	Store        Store         // where files go; keys are relative to the sink's folder
	Schema       *types.Schema // the rows' schema
	Format       Format
	PartitionBy  string        // `partition_by`
	RollRows     int64         // 0: no limit
	RollSize     int64         // bytes; 0: no limit
	RollInterval time.Duration // 0: no limit
	// Inactivity commits a file that received no row for this long (default: RollInterval
	// when set, else DefaultInactivity).
	Inactivity time.Duration
	Options    map[string]string // recorded in the manifest
	Now        func() time.Time  // the clock; time.Now when nil
	NoTicker   bool              // do not start the background roller (tests call tick)
}

// DefaultInactivity is how long a file may stay open without rows before it is committed.
const DefaultInactivity = time.Minute

// Sink writes batches into Hive-partitioned, rolled files under one folder with the commit
// protocol: each file is written as a hidden temporary and renamed into place when complete;
// its name is deterministic from the sink, the partition and the first row's input position, so
// replaying the same bounded input replaces files instead of duplicating rows. When the
// watermark passes the end of an hour (or day) partition, its files are committed and an empty
// `_SUCCESS` object marks it complete. A manifest at `_sluice/manifest.json` describes the sink.
//
// Write, Watermark and Close may be called from one goroutine while the background roller runs;
// a mutex serialises them.
type Sink struct {
	o       SinkOptions
	part    *Partitioning
	skip    []bool
	mu      sync.Mutex
	open    map[string]*openFile // by partition path
	pending map[string]int64     // success folder → end of its time bucket (ms)
	seq     int64                // rows received so far (names files of rows without Origin)
	scratch []int
	stop    chan struct{}
	done    chan struct{}
	err     error // first background error, returned by the next call
}

// NewSink prepares the sink's folder: it removes temporaries abandoned by crashed writers and
// writes the manifest.
func NewSink(ctx context.Context, o SinkOptions) (*Sink, error) {
	p, err := ParsePartitionBy(o.PartitionBy, o.Schema)
	if err != nil {
		return nil, err
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Inactivity <= 0 {
		o.Inactivity = DefaultInactivity
		if o.RollInterval > 0 {
			o.Inactivity = o.RollInterval
		}
	}
	s := &Sink{o: o, part: p, skip: p.Columns(len(o.Schema.Fields)), open: map[string]*openFile{}, pending: map[string]int64{}}
	if err := s.prepare(ctx); err != nil {
		return nil, err
	}
	if !o.NoTicker {
		s.startTicker()
	}
	return s, nil
}

func (s *Sink) prepare(ctx context.Context) error {
	if ls, ok := s.o.Store.(*LocalStore); ok {
		cutoff := s.o.Now().Add(-max(10*time.Minute, 2*s.o.Inactivity))
		if _, err := ls.SweepTemp(ctx, "", cutoff); err != nil {
			return err
		}
	}
	m := NewManifest(s.o.Name, s.o.Format, s.o.Schema, s.part, s.o.Options)
	return WriteManifest(ctx, s.o.Store, "", m)
}

// Partitioning is the sink's partition layout.
func (s *Sink) Partitioning() *Partitioning { return s.part }

// Write routes each row to its partition's open file, rolling files by rows, size and age.
func (s *Sink) Write(ctx context.Context, b *types.Batch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	b = s.withTime(b)
	for _, g := range s.groups(b) {
		if err := s.writeGroup(ctx, b, g.path, g.rows); err != nil {
			return err
		}
	}
	s.seq += int64(b.Len)
	return nil
}

// withTime returns b with an event time for every row: a batch without Time (a contract
// breach upstream) gets the arrival time rather than crashing the sink.
func (s *Sink) withTime(b *types.Batch) *types.Batch {
	if len(b.Time) >= b.Len {
		return b
	}
	c := *b
	c.Time = append(make([]int64, 0, b.Len), b.Time...)
	now := s.o.Now().UnixMilli()
	for len(c.Time) < b.Len {
		c.Time = append(c.Time, now)
	}
	return &c
}

// group is the rows of a batch that fall into one partition, in input order.
type group struct {
	path string
	rows []int
}

// groups splits b's rows by partition, building a path only when a row's partition differs
// from the previous row's.
func (s *Sink) groups(b *types.Batch) []group {
	if len(s.part.Keys) == 0 {
		return []group{{rows: s.all(b.Len)}}
	}
	var out []group
	index := map[string]int{}
	cur := -1
	for i := 0; i < b.Len; i++ {
		if cur < 0 || !s.part.SameAs(b, i-1, i) {
			path := s.part.Path(b, i)
			g, ok := index[path]
			if !ok {
				g = len(out)
				index[path] = g
				out = append(out, group{path: path})
			}
			cur = g
		}
		out[cur].rows = append(out[cur].rows, i)
	}
	return out
}

func (s *Sink) all(n int) []int {
	for len(s.scratch) < n {
		s.scratch = append(s.scratch, len(s.scratch))
	}
	return s.scratch[:n]
}

// writeGroup writes rows of one partition, committing and reopening files at roll limits.
func (s *Sink) writeGroup(ctx context.Context, b *types.Batch, path string, rows []int) error {
	for len(rows) > 0 {
		f, err := s.fileFor(ctx, b, path, rows[0])
		if err != nil {
			return err
		}
		n := len(rows)
		if s.o.RollRows > 0 {
			n = int(min(int64(n), s.o.RollRows-f.rows))
		}
		if err := f.write(b, rows[:n], s.o.Now()); err != nil {
			return s.fail(path, err)
		}
		rows = rows[n:]
		if s.full(f) {
			if err := s.commit(path); err != nil {
				return err
			}
		}
	}
	return nil
}

// fileFor returns the partition's open file, opening one named after row first when needed.
func (s *Sink) fileFor(ctx context.Context, b *types.Batch, path string, first int) (*openFile, error) {
	if f, ok := s.open[path]; ok {
		return f, nil
	}
	key := joinKey(path, fileName(s.o.Name, path, b, first, s.seq+int64(first))+s.o.Format.Ext)
	f, err := openNew(ctx, s.o.Store, key, s.o.Format, s.o.Schema, s.skip, s.o.Now())
	if err != nil {
		return nil, err
	}
	s.open[path] = f
	s.track(path, b.Time[first])
	return f, nil
}

// full reports whether f reached a row or size limit.
func (s *Sink) full(f *openFile) bool {
	return s.o.RollRows > 0 && f.rows >= s.o.RollRows || s.o.RollSize > 0 && f.enc.Size() >= s.o.RollSize
}

// commit makes the partition's open file visible.
func (s *Sink) commit(path string) error {
	f := s.open[path]
	delete(s.open, path)
	if err := f.commit(); err != nil {
		return fmt.Errorf("lake sink %s: %s: %w", s.o.Name, f.key, err)
	}
	return nil
}

// fail aborts the partition's open file after a write error.
func (s *Sink) fail(path string, err error) error {
	if f, ok := s.open[path]; ok {
		f.abort()
		delete(s.open, path)
	}
	return fmt.Errorf("lake sink %s: %w", s.o.Name, err)
}

// Close commits every open file and stops the background roller.
func (s *Sink) Close(ctx context.Context) error {
	s.stopTicker()
	s.mu.Lock()
	defer s.mu.Unlock()
	errs := []error{s.err}
	for _, path := range sortedKeys(s.open) {
		errs = append(errs, s.commit(path))
	}
	return errors.Join(errs...)
}
