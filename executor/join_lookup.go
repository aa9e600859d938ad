package executor

import (
	"container/heap"
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// lookupJoin joins a stream (port 0) to a table changelog (port 1: the latest row per
// Schema.Key, from a CREATE TABLE source or an aggregation). Output: stream columns, then table
// columns (NULL for a LEFT JOIN row without match); rows keep the stream row's Time, WM and
// Origin.
//
// What "the table row current at the stream row's time" means:
//   - when both inputs have event time (versioned), it is the table row of that key with the
//     latest time ≤ the stream row's time. A stream row waits until the table's watermark has
//     reached its time (no earlier version can still arrive) or the table input is idle
//     (Options.IdleTimeout; a bounded input never is), so for bounded inputs the result
//     does not depend on how the two inputs interleave. A stream row before its key's first
//     version has no match. Versions older than the latest one at or before the operator's
//     watermark are dropped; a stream row older than that (behind its own watermark) sees the
//     oldest version kept.
//   - otherwise (processing time), it is the latest row of that key received so far, and stream
//     rows wait until the table input has caught up once (read to its end when bounded, first
//     idle interval when not): the table is loaded before the stream is joined, like a Kafka
//     Streams GlobalKTable.
//
// Waiting stream rows are released in time order (then arrival order), and the forwarded
// watermark never passes a waiting row.
type lookupJoin struct {
	op        *plan.LookupJoinOp
	schema    *types.Schema
	inputs    [2]*types.Schema
	keys      []*expr
	tableKey  []int
	versioned bool
	residual  *expr
	table     *state.KeyTable
	versions  [][]version // per key id, by time
	pruned    []bool      // per key id: older versions were dropped
	pending   timeHeap    // waiting stream rows: (time, arrival, index into waiting)
	waiting   []waitingRow
	freeWait  []int32
	seq       int64
	wm        int64

	tKeys  []*types.Vector
	hashes []uint64
}

type version struct {
	b   *types.Batch
	row int32
	t   int64
}

// waitingRow is a stream row with its evaluated key (shared by the rows of its batch).
type waitingRow struct {
	b    *types.Batch
	keys []*types.Vector
	row  int32
	hash uint64
}

func newLookupJoin(n *plan.Node, inputs []*plan.Node, op *plan.LookupJoinOp) (*lookupJoin, error) {
	ts := inputs[1].Schema
	if len(ts.Key) == 0 || len(ts.Key) != len(op.StreamKeys) {
		return nil, fmt.Errorf("the table side has key %v, but the join gives %d stream keys", ts.Key, len(op.StreamKeys))
	}
	if err := checkJoinSchema(n, inputs); err != nil {
		return nil, err
	}
	l := &lookupJoin{op: op, schema: n.Schema, inputs: [2]*types.Schema{inputs[0].Schema, ts}, tableKey: ts.Key,
		versioned: ts.EventTime && inputs[0].Schema.EventTime, wm: types.MinTime}
	l.table = state.NewKeyTable(keyTypes(ts))
	var err error
	if l.keys, err = compileAll(op.StreamKeys); err != nil {
		return nil, err
	}
	l.residual, err = compileResidual(op.Residual)
	return l, err
}

func keyTypes(s *types.Schema) []types.Type {
	out := make([]types.Type, len(s.Key))
	for i, c := range s.Key {
		out[i] = s.Fields[c].Type
	}
	return out
}

func (l *lookupJoin) Process(ctx *Context, port int, b *types.Batch) error {
	if port == 1 {
		l.addVersions(b, ctx.Watermark())
		return nil
	}
	keys, err := l.streamKeys(b)
	if err != nil {
		return err
	}
	var ready []waitingRow
	for i := range b.Len {
		r := waitingRow{b: b, keys: keys, row: int32(i), hash: l.hashes[i]}
		if l.ready(ctx, b.Time[i]) {
			ready = append(ready, r)
		} else {
			l.wait(r)
		}
	}
	return l.emit(ctx, ready)
}

// streamKeys evaluates the join keys of a stream batch (copied: rows may wait) and hashes them.
func (l *lookupJoin) streamKeys(b *types.Batch) ([]*types.Vector, error) {
	vs, err := evalAll(l.keys, b, nil)
	if err != nil {
		return nil, err
	}
	for i, v := range vs {
		vs[i] = cloneVector(v, b.Len)
	}
	l.hashes = state.HashRows(vs, b.Len, l.hashes)
	return vs, nil
}

// ready reports whether a stream row at t can be joined now.
func (l *lookupJoin) ready(ctx *Context, t int64) bool {
	if l.versioned {
		return ctx.InputWatermark(1) >= t || ctx.InputIdle(1)
	}
	return ctx.InputCaughtUp(1)
}

func (l *lookupJoin) wait(r waitingRow) {
	id := int32(len(l.waiting))
	if n := len(l.freeWait); n > 0 {
		id = l.freeWait[n-1]
		l.freeWait = l.freeWait[:n-1]
		l.waiting[id] = r
	} else {
		l.waiting = append(l.waiting, r)
	}
	l.seq++
	heap.Push(&l.pending, timeEntry{t: r.b.Time[r.row], seq: l.seq, id: id})
}

// InputProgress releases the waiting stream rows that the table's progress made ready.
func (l *lookupJoin) InputProgress(ctx *Context, port int) error {
	if port != 1 {
		return nil
	}
	var ready []waitingRow
	for len(l.pending) > 0 && l.ready(ctx, l.pending[0].t) {
		e := heap.Pop(&l.pending).(timeEntry)
		ready = append(ready, l.waiting[e.id])
		l.waiting[e.id] = waitingRow{}
		l.freeWait = append(l.freeWait, e.id)
	}
	return l.emit(ctx, ready)
}

// addVersions records the table rows of b as the latest versions of their keys; versions no
// stream row at or after wm can need are dropped.
func (l *lookupJoin) addVersions(b *types.Batch, wm int64) {
	l.tKeys = l.tKeys[:0]
	for _, c := range l.tableKey {
		l.tKeys = append(l.tKeys, b.Cols[c])
	}
	l.hashes = state.HashRows(l.tKeys, b.Len, l.hashes)
	for i := range b.Len {
		if state.HasNull(l.tKeys, i) {
			continue
		}
		k, added := l.table.FindOrInsert(l.tKeys, i, l.hashes[i], 0)
		if added {
			l.versions = state.GrowTo(l.versions, l.table.Cap())
			l.pruned = state.GrowTo(l.pruned, l.table.Cap())
			l.pruned[k] = false
		}
		vs := l.addVersion(l.versions[k], version{b, int32(i), b.Time[i]}, wm)
		l.pruned[k] = l.pruned[k] || len(vs) <= len(l.versions[k])
		l.versions[k] = vs
	}
}

// addVersion inserts v by time (the latest only, when not versioned) and drops the versions no
// stream row at or after wm can need.
func (l *lookupJoin) addVersion(vs []version, v version, wm int64) []version {
	if !l.versioned {
		return append(vs[:0], v)
	}
	vs = append(vs, v)
	for j := len(vs) - 1; j > 0 && vs[j-1].t > vs[j].t; j-- {
		vs[j-1], vs[j] = vs[j], vs[j-1]
	}
	keep := 0
	for j := 1; j < len(vs) && vs[j].t <= wm; j++ {
		keep = j
	}
	return append(vs[:0], vs[keep:]...)
}

// lookup returns the table row for stream row r, or nil.
func (l *lookupJoin) lookup(r waitingRow) *version {
	i, t := int(r.row), r.b.Time[r.row]
	if state.HasNull(r.keys, i) {
		return nil
	}
	k := l.table.Find(r.keys, i, r.hash, 0)
	if k < 0 || len(l.versions[k]) == 0 {
		return nil
	}
	vs := l.versions[k]
	if !l.versioned {
		return &vs[len(vs)-1]
	}
	for j := len(vs) - 1; j >= 0; j-- {
		if vs[j].t <= t {
			return &vs[j]
		}
	}
	if l.pruned[k] {
		return &vs[0] // older than what is kept: the oldest kept version (see the type's comment)
	}
	return nil // before the key's first version
}

func (l *lookupJoin) Watermark(_ *Context, wm int64) (int64, error) {
	l.wm = wm
	if len(l.pending) > 0 {
		return min(wm, l.pending[0].t), nil
	}
	return wm, nil
}

func (l *lookupJoin) Finish(ctx *Context) error {
	var ready []waitingRow
	for len(l.pending) > 0 {
		e := heap.Pop(&l.pending).(timeEntry)
		ready = append(ready, l.waiting[e.id])
	}
	l.waiting, l.freeWait = nil, nil
	return l.emit(ctx, ready)
}

// Retains implements Retainer: stream rows wait for the table; the table's rows are state that
// is never emitted, kept until the end of input.
func (l *lookupJoin) Retains(port int, t int64) bool {
	if port == 1 {
		return l.table.Len() > 0
	}
	return len(l.pending) > 0 && l.pending[0].t <= t
}

func (l *lookupJoin) State() StateInfo {
	return StateInfo{Kind: "latest table row per key", Entries: l.table.Len() + len(l.pending)}
}
