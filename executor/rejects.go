package executor

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// rejects routes error records (undecodable, invalid and late rows) to the error sink of the
// source they came from. A source without error_sink has its records counted and logged at a
// limited rate (the first 10 per source and reason, then every power of ten) and dropped.
type rejects struct {
	mu     sync.Mutex
	sinks  map[string]connectors.ErrorSink // by source stream name
	stats  *Stats
	clock  Clock
	logf   func(format string, args ...any)
	logged map[string]int64
}

func newRejects(stats *Stats, clock Clock, logf func(string, ...any)) *rejects {
	return &rejects{sinks: map[string]connectors.ErrorSink{}, stats: stats, clock: clock, logf: logf, logged: map[string]int64{}}
}

// open creates the error sink of source stream from its error_sink option.
func (r *rejects) open(reg connectors.Registry, stream, uri, baseDir string) error {
	s, err := reg.NewErrorSink(uri, baseDir)
	if err != nil {
		return fmt.Errorf("error_sink %q: %w", uri, err)
	}
	r.sinks[stream] = s
	return nil
}

// reject counts rec and stores it; an error means the error sink itself failed.
func (r *rejects) reject(rec connectors.ErrorRecord) error {
	return r.rejectWith(rec, nil)
}

// rejectWith is reject; complete, when set, fills in the record's details only when it is
// stored or logged (late rows can be many: most are only counted).
func (r *rejects) rejectWith(rec connectors.ErrorRecord, complete func(*connectors.ErrorRecord)) error {
	r.stats.errorCounter(rec.Reason).Add(1)
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.sinks[rec.Source]
	n := r.count(rec)
	if s == nil && n > 10 && !powerOfTen(n) {
		return nil
	}
	if complete != nil {
		complete(&rec)
	}
	if rec.At == 0 {
		rec.At = r.clock.Now()
	}
	if s == nil {
		r.logf("%s: dropped %s record #%d at %s: %s", rec.Source, rec.Reason, n, rec.Position, rec.Message)
		return nil
	}
	if err := s.Write(rec); err != nil {
		return fmt.Errorf("error sink of %s: %w", rec.Source, err)
	}
	return nil
}

// count returns how many records of rec's source and reason were seen, rec included.
func (r *rejects) count(rec connectors.ErrorRecord) int64 {
	k := rec.Source + "\x00" + rec.Reason
	r.logged[k]++
	return r.logged[k]
}

func powerOfTen(n int64) bool {
	for n >= 10 && n%10 == 0 {
		n /= 10
	}
	return n == 1
}

// late sends row i of b, judged late under watermark wm, to its source's error sink.
func (r *rejects) late(b *types.Batch, i int, wm int64, why string) error {
	rec := connectors.ErrorRecord{Reason: connectors.ReasonLate}
	o := b.Origin
	if o != nil {
		rec.Source = o.Source
	}
	return r.rejectWith(rec, func(rec *connectors.ErrorRecord) {
		rec.Message = fmt.Sprintf("row at %s arrived after the watermark %s: %s", fmtTime(b.Time[i]), fmtTime(wm), why)
		if o != nil && i < len(o.Pos) {
			rec.Position = o.Prefix + strconv.FormatInt(o.Pos[i], 10)
		}
		if o != nil && i < len(o.Raw) {
			rec.Raw = o.Raw[i]
		}
	})
}

func fmtTime(t int64) string {
	switch t {
	case types.MinTime:
		return "-inf"
	case types.MaxTime:
		return "+inf"
	}
	return types.FormatTimestamp(t)
}

// flush makes the error records written so far durable (error sinks that buffer implement
// connectors.Flusher).
func (r *rejects) flush(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	for name, s := range r.sinks {
		if f, ok := s.(connectors.Flusher); ok {
			if err := f.Flush(ctx); err != nil {
				return fmt.Errorf("error sink of %s: %w", name, err)
			}
		}
	}
	return nil
}

// close closes every error sink and returns the first error.
func (r *rejects) close() error {
	var first error
	for name, s := range r.sinks {
		if err := s.Close(); err != nil && first == nil {
			first = fmt.Errorf("error sink of %s: %w", name, err)
		}
	}
	return first
}
