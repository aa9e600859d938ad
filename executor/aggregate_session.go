package executor

import (
	"container/heap"
	"sort"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/executor/window"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// sessions groups rows into session windows per key: a row opens [t, t+gap) and joins every open
// session of its key that this overlaps (rows closer than the gap share a session); a row that
// bridges two sessions merges them (Accumulator.Merge). A session whose end + grace the watermark
// (the row's own, see aggregate) has reached is closed and never extended again.
type sessions struct {
	a      *aggregate
	gap    int64
	grace  int64
	keys   *state.KeyTable // key → key id
	perKey [][]int32       // per key id: its open sessions, by start
	sess   []session       // by session id (= accumulator group id)
	free   []int32
	live   int
	ends   timeHeap // (end, session id); stale entries are skipped
	seq    int64
	from   int // first row of the batch not yet given to the accumulators
}

type session struct {
	window.Session
	key  int32
	seq  int64 // creation order, for a deterministic output order
	live bool
}

func newSessions(a *aggregate) *sessions {
	w := a.op.Window
	return &sessions{a: a, gap: w.Gap, grace: w.Grace, keys: state.NewKeyTable(a.keyTyp)}
}

func (s *sessions) process(ctx *Context, b *types.Batch) error {
	changes := s.a.op.Emit == plan.EmitChanges
	var rb *rowBuilder
	if changes {
		rb = newRowBuilder(s.a.schema, b.Len)
	}
	s.from = 0
	for i, t := range b.Time[:b.Len] {
		wm := watermark.Effective(s.a.wm, b.WM, i)
		sid, late := s.place(b, i, t, wm)
		s.a.groups[i] = sid
		if late {
			if err := ctx.Late(b, i, wm, "its session had closed"); err != nil {
				return err
			}
		} else if changes {
			s.flush(b, i+1)
			s.appendRow(rb, sid, b.Time[i], wm)
			s.a.last.emit(rb, sid)
		}
	}
	s.flush(b, b.Len)
	if rb == nil {
		return nil
	}
	return ctx.Emit(rb.batch())
}

// flush gives rows [from, to) to the accumulators.
func (s *sessions) flush(b *types.Batch, to int) {
	s.a.updateRange(s.a.groups, b.Time, s.from, to)
	s.from = to
}

// place finds or makes the session of row i (time t) and returns its id, or late.
func (s *sessions) place(b *types.Batch, i int, t, wm int64) (int32, bool) {
	cand := window.Of(t, s.gap)
	k := s.keys.Find(s.a.keyCols, i, s.a.hashes[i], 0)
	var hits []int32
	if k >= 0 {
		hits = s.overlapping(k, cand, wm)
	}
	if len(hits) == 0 {
		if window.Closed(cand.End, s.grace, wm) {
			return -1, true
		}
		return s.open(i, k, cand), false
	}
	return s.extend(b, i, hits, cand), false
}

// overlapping returns key k's open sessions (not closed under wm) that cand overlaps.
func (s *sessions) overlapping(k int32, cand window.Session, wm int64) []int32 {
	var hits []int32
	for _, id := range s.perKey[k] {
		se := s.sess[id]
		if se.Overlaps(cand) && !window.Closed(se.End, s.grace, wm) {
			hits = append(hits, id)
		}
	}
	return hits
}

// open starts a session for row i, registering its key when k < 0.
func (s *sessions) open(i int, k int32, w window.Session) int32 {
	if k < 0 {
		k = s.keys.Insert(s.a.keyCols, i, s.a.hashes[i], 0)
		s.perKey = state.GrowTo(s.perKey, s.keys.Cap())
	}
	id := s.newID()
	s.seq++
	s.sess[id] = session{Session: w, key: k, seq: s.seq, live: true}
	s.perKey[k] = insertByStart(s.perKey[k], id, s.sess)
	heap.Push(&s.ends, timeEntry{t: w.End, id: id})
	return id
}

func (s *sessions) newID() int32 {
	s.live++
	if n := len(s.free); n > 0 {
		id := s.free[n-1]
		s.free = s.free[:n-1]
		return id
	}
	s.sess = append(s.sess, session{})
	s.a.grow(len(s.sess))
	return int32(len(s.sess) - 1)
}

func insertByStart(ids []int32, id int32, all []session) []int32 {
	ids = append(ids, id)
	sort.SliceStable(ids, func(x, y int) bool { return all[ids[x]].Start < all[ids[y]].Start })
	return ids
}

// extend grows the first of hits to cover cand and merges the other hits into it.
func (s *sessions) extend(b *types.Batch, i int, hits []int32, cand window.Session) int32 {
	dst := hits[0]
	w := s.sess[dst].Union(cand)
	if len(hits) > 1 {
		s.flush(b, i) // rows before i must reach their sessions before these are merged
	}
	for _, src := range hits[1:] {
		w = w.Union(s.sess[src].Session)
		for _, acc := range s.a.accs {
			acc.Merge(dst, src)
		}
		s.drop(src)
	}
	if w.End != s.sess[dst].End {
		heap.Push(&s.ends, timeEntry{t: w.End, id: dst})
	}
	s.sess[dst].Session = w
	return dst
}

// drop forgets session id (merged away or closed), and its key when it was the key's last.
func (s *sessions) drop(id int32) {
	se := &s.sess[id]
	k := se.key
	s.perKey[k] = removeID(s.perKey[k], id)
	if len(s.perKey[k]) == 0 {
		s.keys.Delete(k)
	}
	s.a.release(id)
	se.live = false
	s.free = append(s.free, id)
	s.live--
}

func removeID(ids []int32, id int32) []int32 {
	for j, x := range ids {
		if x == id {
			return append(ids[:j], ids[j+1:]...)
		}
	}
	return ids
}

// appendRow appends session id's current result.
func (s *sessions) appendRow(rb *rowBuilder, id int32, _ int64, wm int64) {
	se := s.sess[id]
	s.a.appendRow(rb, s.keys.Keys(), se.key, &span{se.Start, se.End}, id)
	rb.time = append(rb.time, se.End-1)
	rb.wm = append(rb.wm, wm)
}

// watermark closes the sessions whose end + grace wm has reached, by end then creation order.
func (s *sessions) watermark(ctx *Context, wm int64) error {
	closed := s.popClosed(wm)
	if len(closed) == 0 {
		return nil
	}
	var rb *rowBuilder
	if s.a.op.Emit == plan.EmitFinal {
		rb = newRowBuilder(s.a.schema, len(closed))
	}
	for _, id := range closed {
		if rb != nil {
			s.appendRow(rb, id, 0, s.sess[id].End+s.grace-1)
		}
		s.drop(id)
	}
	if rb == nil {
		return nil
	}
	return ctx.Emit(rb.batch())
}

func (s *sessions) popClosed(wm int64) []int32 {
	var out []int32
	for len(s.ends) > 0 && window.Closed(s.ends[0].t, s.grace, wm) {
		e := heap.Pop(&s.ends).(timeEntry)
		if se := s.sess[e.id]; se.live && se.End == e.t {
			out = append(out, e.id)
		}
	}
	sort.SliceStable(out, func(x, y int) bool {
		a, b := s.sess[out[x]], s.sess[out[y]]
		return a.End < b.End || a.End == b.End && a.seq < b.seq
	})
	return out
}

func (s *sessions) finish(*Context) error { return nil }
func (s *sessions) entries() int          { return s.live }

// retains reports whether an open session starts at or before t (a scan of the sessions; a
// session may have absorbed a row at t whatever its end).
func (s *sessions) retains(t int64) bool {
	for _, se := range s.sess {
		if se.live && se.Start <= t {
			return true
		}
	}
	return false
}

// save writes every live session in creation order: key, bounds, accumulators.
func (s *sessions) save(e *state.Encoder) error {
	ids := s.liveBySeq()
	e.Int(s.seq)
	e.Uint(uint64(len(ids)))
	for _, id := range ids {
		se := s.sess[id]
		s.keys.SaveKey(e, se.key)
		e.Int(se.Start)
		e.Int(se.End)
		if err := s.a.saveGroup(e, id); err != nil {
			return err
		}
	}
	return nil
}

func (s *sessions) liveBySeq() []int32 {
	var ids []int32
	for id, se := range s.sess {
		if se.live {
			ids = append(ids, int32(id))
		}
	}
	sort.Slice(ids, func(x, y int) bool { return s.sess[ids[x]].seq < s.sess[ids[y]].seq })
	return ids
}

func (s *sessions) load(d *state.Decoder) error {
	seq := d.Int()
	for n := d.Len(); n > 0 && d.Err() == nil; n-- {
		k := s.keys.LoadKey(d)
		w := window.Session{Start: d.Int(), End: d.Int()}
		if k < 0 || d.Err() != nil {
			break
		}
		s.perKey = state.GrowTo(s.perKey, s.keys.Cap())
		id := s.open(0, k, w)
		if err := s.a.loadGroup(d, id); err != nil {
			return err
		}
	}
	s.seq = seq
	return d.Err()
}
