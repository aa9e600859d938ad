package executor

import (
	"container/heap"
	"sort"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/types"
)

// joinSide is the state of one side of an interval join: the rows it keeps, by key, until the
// watermark passes their time + the join's bound. A row is kept by reference to its batch
// (batches are immutable), so keeping it copies nothing.
type joinSide struct {
	table  *state.KeyTable // key → key id
	perKey [][]int32       // key id → entry ids, in arrival order
	rows   []joinRow       // entries by id
	free   []int32
	expiry timeHeap // (time, arrival, entry id)
	live   int
	seq    int64 // arrivals so far
}

type joinRow struct {
	b       *types.Batch
	row     int32
	t       int64
	seq     int64 // arrival order
	key     int32 // -1: a NULL key, matches nothing
	matched bool
	live    bool
}

func newJoinSide(keyTypes []types.Type) *joinSide {
	return &joinSide{table: state.NewKeyTable(keyTypes)}
}

// add keeps row i of b (key at row i of keys, hashed h) and returns its entry id.
func (s *joinSide) add(b *types.Batch, i int, keys []*types.Vector, h uint64) int32 {
	k := int32(-1)
	if !state.HasNull(keys, i) {
		var added bool
		k, added = s.table.FindOrInsert(keys, i, h, 0)
		if added {
			s.perKey = state.GrowTo(s.perKey, s.table.Cap())
		}
	}
	id := s.newID()
	s.seq++
	s.rows[id] = joinRow{b: b, row: int32(i), t: b.Time[i], seq: s.seq, key: k, live: true}
	if k >= 0 {
		s.perKey[k] = append(s.perKey[k], id)
	}
	heap.Push(&s.expiry, timeEntry{t: b.Time[i], seq: s.seq, id: id})
	return id
}

func (s *joinSide) newID() int32 {
	s.live++
	if n := len(s.free); n > 0 {
		id := s.free[n-1]
		s.free = s.free[:n-1]
		return id
	}
	s.rows = append(s.rows, joinRow{})
	return int32(len(s.rows) - 1)
}

// matches returns the entries whose key equals row i of keys (hashed h), in arrival order.
func (s *joinSide) matches(keys []*types.Vector, i int, h uint64) []int32 {
	if state.HasNull(keys, i) {
		return nil
	}
	k := s.table.Find(keys, i, h, 0)
	if k < 0 {
		return nil
	}
	return s.perKey[k]
}

// expire removes the entries whose time + bound the watermark has passed and returns them in
// time order (their rows stay readable until the next add).
func (s *joinSide) expire(bound, wm int64) []joinRow {
	var out []joinRow
	for len(s.expiry) > 0 && expired(s.expiry[0].t, bound, wm) {
		e := heap.Pop(&s.expiry).(timeEntry)
		out = append(out, s.rows[e.id])
		s.remove(e.id)
	}
	return out
}

func (s *joinSide) remove(id int32) {
	r := &s.rows[id]
	if r.key >= 0 {
		s.perKey[r.key] = removeID(s.perKey[r.key], id)
		if len(s.perKey[r.key]) == 0 {
			s.table.Delete(r.key)
		}
	}
	*r = joinRow{}
	s.free = append(s.free, id)
	s.live--
}

// liveIDs returns the live entry ids in arrival order (for snapshots).
func (s *joinSide) liveIDs() []int32 {
	out := make([]int32, 0, s.live)
	for id, r := range s.rows {
		if r.live {
			out = append(out, int32(id))
		}
	}
	sort.Slice(out, func(x, y int) bool { return s.rows[out[x]].seq < s.rows[out[y]].seq })
	return out
}
