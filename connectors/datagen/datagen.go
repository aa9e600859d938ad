// Package datagen is the `datagen` source: deterministic synthetic events, either NEXMark-like
// bids, persons or auctions (values chosen by column name) or one generator per declared
// column (`fields.<column>.kind = 'random' | 'sequence' | 'values'`).
//
// Event i (0-based) has the event time start + i*interval; a TIMESTAMP (DATE) column without a
// generator of its own holds it (its day). The same seed and options give the same values:
// each column draws from its own random stream, seeded by the seed and the column's position.
// Positions in error records are "datagen:<i+1>"; rows carry no raw bytes.
package datagen

import (
	"context"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// Source generates events.
type Source struct {
	cfg      connectors.SourceConfig
	events   int64 // -1: unbounded
	rate     int64 // events/s, 0: as fast as possible
	start    int64 // event time of event 0, epoch ms
	interval int64 // ms between events
	gens     []generator
	// Clock, when set, replaces time.Now (epoch ms) for the arrival time of processing-time rows.
	Clock func() int64
}

// event is what generators know of the event being generated.
type event struct {
	i  int64 // 0-based index
	ts int64 // event time, epoch ms
}

// Run generates the events, pacing them to `rate`, and returns nil after the last one
// (never when `events` is not set, until ctx is cancelled).
func (s *Source) Run(ctx context.Context, out connectors.Emitter) error {
	rows := s.batchRows()
	b := format.NewBuilder(s.cfg.Schema, rows)
	b.SetOrigin(s.cfg.Stream, "datagen:")
	began := time.Now()
	for i := int64(0); s.events < 0 || i < s.events; i++ {
		if i%int64(rows) == 0 {
			if err := s.pace(ctx, began, i); err != nil {
				return err
			}
			b.Now = s.now()
		}
		s.row(b, i)
		if b.Full() {
			if err := out.Emit(b.Take()); err != nil {
				return err
			}
		}
	}
	if rest := b.Take(); rest != nil {
		return out.Emit(rest)
	}
	return nil
}

// batchRows makes batches of about a tenth of a second of events at a set rate.
func (s *Source) batchRows() int {
	if s.rate <= 0 {
		return format.DefaultBatchRows
	}
	return int(min(max(s.rate/10, 1), format.DefaultBatchRows))
}

// pace waits until event i is due; it also checks for cancellation.
func (s *Source) pace(ctx context.Context, began time.Time, i int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.rate <= 0 {
		return nil
	}
	wait := time.Until(began.Add(time.Duration(i * int64(time.Second) / s.rate)))
	if wait <= 0 {
		return nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (s *Source) now() int64 {
	if s.Clock != nil {
		return s.Clock()
	}
	return time.Now().UnixMilli()
}

// row appends event i.
func (s *Source) row(b *format.Builder, i int64) {
	e := event{i: i, ts: s.start + i*s.interval}
	for c, g := range s.gens {
		g.next(b, b.Col(c), &e)
	}
	b.Commit(i+1, nil)
}

// Schema is a convenience for tests and docs: the columns of a NEXMark event table.
func Schema(event string) *types.Schema {
	return types.NewSchema(nexmarkFields(event)...)
}
