package executor

import (
	"container/heap"
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/types"
)

// Snapshot writes the watermark, every key's kept versions, then the waiting stream rows in
// release order.
func (l *lookupJoin) Snapshot() ([]byte, error) {
	var e state.Encoder
	e.Int(l.wm)
	e.Uint(uint64(l.table.Len()))
	for k := range int32(l.table.Cap()) {
		if !l.table.Live(k) {
			continue
		}
		e.Uint(uint64(len(l.versions[k])))
		for _, v := range l.versions[k] {
			saveRow(&e, v.b, int(v.row))
		}
		e.Bool(l.pruned[k])
	}
	pend := append(timeHeap(nil), l.pending...)
	e.Uint(uint64(len(pend)))
	for len(pend) > 0 {
		r := l.waiting[heap.Pop(&pend).(timeEntry).id]
		saveRow(&e, r.b, int(r.row))
	}
	return e.Bytes(), nil
}

func (l *lookupJoin) Restore(b []byte) error {
	d := state.NewDecoder(b)
	l.wm = d.Int()
	for n := d.Len(); n > 0 && d.Err() == nil; n-- {
		var row *types.Batch
		for m := d.Len(); m > 0 && d.Err() == nil; m-- {
			row = loadRow(d, l.inputs[1])
			l.addVersions(row, types.MinTime)
		}
		if pruned := d.Bool(); row != nil && d.Err() == nil {
			l.setPruned(row, pruned)
		}
	}
	for n := d.Len(); n > 0 && d.Err() == nil; n-- {
		row := loadRow(d, l.inputs[0])
		keys, err := l.streamKeys(row)
		if err != nil {
			return fmt.Errorf("lookup join: %w", err)
		}
		l.wait(waitingRow{b: row, keys: keys, hash: l.hashes[0]})
	}
	if err := d.Done(); err != nil {
		return fmt.Errorf("lookup join: %w", err)
	}
	return nil
}

// setPruned sets the pruned flag of the key of the one-row batch row.
func (l *lookupJoin) setPruned(row *types.Batch, pruned bool) {
	keys := make([]*types.Vector, len(l.tableKey))
	for i, c := range l.tableKey {
		keys[i] = row.Cols[c]
	}
	if k := l.table.Find(keys, 0, state.HashRows(keys, 1, nil)[0], 0); k >= 0 {
		l.pruned[k] = pruned
	}
}
