package executor

import (
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
	r.stats.errorCounter(rec.Reason).Add(1)
	if rec.At == 0 {
		rec.At = r.clock.Now()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.sinks[rec.Source]; s != nil {
		if err := s.Write(rec); err != nil {
			return fmt.Errorf("error sink of %s: %w", rec.Source, err)
		}
		return nil
	}
	r.log(rec)
	return nil
}

func (r *rejects) log(rec connectors.ErrorRecord) {
	k := rec.Source + "\x00" + rec.Reason
	r.logged[k]++
	n := r.logged[k]
	if n > 10 && !powerOfTen(n) {
		return
	}
	r.logf("%s: dropped %s record #%d at %s: %s", rec.Source, rec.Reason, n, rec.Position, rec.Message)
}

func powerOfTen(n int64) bool {
	for n >= 10 && n%10 == 0 {
		n /= 10
	}
	return n == 1
}

// late sends row i of b, judged late under watermark wm, to its source's error sink.
func (r *rejects) late(b *types.Batch, i int, wm int64, why string) error {
	rec := connectors.ErrorRecord{Reason: connectors.ReasonLate,
		Message: fmt.Sprintf("row at %s arrived after the watermark %s: %s", fmtTime(b.Time[i]), fmtTime(wm), why)}
	if o := b.Origin; o != nil {
		rec.Source = o.Source
		if i < len(o.Pos) {
			rec.Position = o.Prefix + strconv.FormatInt(o.Pos[i], 10)
		}
		if i < len(o.Raw) {
			rec.Raw = o.Raw[i]
		}
	}
	return r.reject(rec)
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
