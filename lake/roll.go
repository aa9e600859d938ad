package lake

import (
	"context"
	"time"
)

// startTicker runs the background roller: files older than RollInterval or idle for longer
// than Inactivity are committed even when no row arrives.
func (s *Sink) startTicker() {
	period := s.o.Inactivity
	if s.o.RollInterval > 0 {
		period = min(period, s.o.RollInterval)
	}
	period = min(max(period/4, 10*time.Millisecond), time.Second)
	s.stop, s.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(s.done)
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				s.tick(s.o.Now())
			}
		}
	}()
}

func (s *Sink) stopTicker() {
	if s.stop != nil {
		close(s.stop)
		<-s.done
		s.stop = nil
	}
}

// tick commits the files that are too old or idle at now; an error is kept for the next call.
func (s *Sink) tick(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, path := range sortedKeys(s.open) {
		f := s.open[path]
		old := s.o.RollInterval > 0 && now.Sub(f.opened) >= s.o.RollInterval
		if old || now.Sub(f.lastRows) >= s.o.Inactivity {
			if err := s.commit(path); err != nil && s.err == nil {
				s.err = err
			}
		}
	}
}

// Flush commits every open file now (a checkpoint barrier can call it).
func (s *Sink) Flush(_ context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, path := range sortedKeys(s.open) {
		if err := s.commit(path); err != nil {
			return err
		}
	}
	return nil
}
