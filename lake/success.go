package lake

import (
	"context"
	"sort"
	"strings"
)

// SuccessName marks a time partition complete: no more rows are expected in it.
const SuccessName = "_SUCCESS"

// track remembers the time partition that a new file's first row (at event time t) belongs to.
func (s *Sink) track(path string, t int64) {
	w := s.part.HourBucket()
	if w == 0 {
		return
	}
	folder := successFolder(s.part, path)
	if _, ok := s.pending[folder]; !ok {
		s.pending[folder] = floorDiv(t, w)*w + w
	}
}

// successFolder is the prefix of path down to its deepest derived time level (dt or hour): the
// folder that `_SUCCESS` marks.
func successFolder(p *Partitioning, path string) string {
	levels := strings.Split(path, "/")
	last := 0
	for i, k := range p.Keys {
		if k.Derived != FromColumn {
			last = i
		}
	}
	return strings.Join(levels[:last+1], "/")
}

// Watermark tells the sink that no row with event time below wm will arrive: every time
// partition that ends at or before wm has its open files committed and gets `_SUCCESS`.
func (s *Sink) Watermark(ctx context.Context, wm int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	var done []string
	for folder, end := range s.pending {
		if end <= wm {
			done = append(done, folder)
		}
	}
	sort.Strings(done)
	for _, folder := range done {
		if err := s.complete(ctx, folder); err != nil {
			return err
		}
	}
	return nil
}

// complete commits the open files under folder and writes its `_SUCCESS`.
func (s *Sink) complete(ctx context.Context, folder string) error {
	for _, path := range sortedKeys(s.open) {
		if path == folder || strings.HasPrefix(path, folder+"/") {
			if err := s.commit(path); err != nil {
				return err
			}
		}
	}
	if err := Put(ctx, s.o.Store, joinKey(folder, SuccessName), strings.NewReader("")); err != nil {
		return err
	}
	delete(s.pending, folder)
	return nil
}
