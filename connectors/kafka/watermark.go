package kafka

import "github.com/sluicedata/sluice/types"

// tp names one partition of one topic.
type tp struct {
	topic string
	part  int32
}

// partMark is the watermark state of one partition.
type partMark struct {
	max  int64 // largest event time read (types.MinTime before the first record)
	seen int64 // wall-clock ms of the last record (or of the assignment)
	idle bool  // no record for the idle timeout: it does not hold the watermark back
	done bool  // read to its end (bounded): it does not hold the watermark back
}

// marks computes a source's watermark per partition, as Flink's Kafka source does: each
// partition's watermark is the largest event time read from it minus the delay, and the
// source's watermark is the minimum over the partitions that are active (neither idle nor read
// to their end), never moving back. A partition becomes idle when no record arrived for
// idleAfter ms and active again with its next record. When every partition is idle or done, the
// watermark is the largest over all partitions (SQL.md's "largest event time read minus the
// delay"), so a quiet topic does not stop windows from closing.
type marks struct {
	parts     map[tp]*partMark
	delay     int64
	idleAfter int64
	out       int64 // the watermark so far
}

func newMarks(delay, idleAfter int64) *marks {
	return &marks{parts: map[tp]*partMark{}, delay: delay, idleAfter: idleAfter, out: types.MinTime}
}

// add starts tracking a partition (assigned at wall-clock time now); it holds the watermark
// back until its first record or until it turns idle.
func (m *marks) add(p tp, now int64) {
	if _, ok := m.parts[p]; !ok {
		m.parts[p] = &partMark{max: types.MinTime, seen: now}
	}
}

// remove stops tracking a partition (revoked).
func (m *marks) remove(p tp) { delete(m.parts, p) }

// finish marks a partition read to its end.
func (m *marks) finish(p tp) {
	if pm := m.parts[p]; pm != nil {
		pm.done = true
	}
}

// stamp fills wm with the source watermark as of each row of partition p whose event times are
// times, read at wall-clock time now.
func (m *marks) stamp(p tp, times, wm []int64, now int64) {
	m.add(p, now)
	pm := m.parts[p]
	pm.seen, pm.idle = now, false
	others := m.minActive(p)
	for i, t := range times {
		pm.max = max(pm.max, t)
		if w := min(others, sub(pm.max, m.delay)); w > m.out {
			m.out = w
		}
		wm[i] = m.out
	}
}

// tick marks the partitions that have been silent for idleAfter as idle and returns the
// watermark, which may have advanced.
func (m *marks) tick(now int64) int64 {
	for _, pm := range m.parts {
		if !pm.idle && now-pm.seen >= m.idleAfter {
			pm.idle = true
		}
	}
	if w := m.minActive(tp{part: -1}); w != types.MaxTime {
		m.out = max(m.out, w)
	} else {
		m.out = max(m.out, m.maxAll())
	}
	return m.out
}

// minActive is the minimum partition watermark over the active partitions other than skip
// (types.MaxTime when there is none).
func (m *marks) minActive(skip tp) int64 {
	w := types.MaxTime
	for p, pm := range m.parts {
		if p != skip && !pm.idle && !pm.done {
			w = min(w, sub(pm.max, m.delay))
		}
	}
	return w
}

// maxAll is the largest partition watermark.
func (m *marks) maxAll() int64 {
	w := types.MinTime
	for _, pm := range m.parts {
		w = max(w, sub(pm.max, m.delay))
	}
	return w
}

// sub subtracts the delay without leaving [MinTime, MaxTime].
func sub(t, d int64) int64 {
	if t <= types.MinTime+d {
		return types.MinTime
	}
	return t - d
}
