package executor

import (
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
)

// Snapshot writes the watermark, then each side's kept rows in arrival order.
func (j *intervalJoin) Snapshot() ([]byte, error) {
	var e state.Encoder
	e.Int(j.wm)
	for _, s := range j.sides {
		ids := s.liveIDs()
		e.Uint(uint64(len(ids)))
		for _, id := range ids {
			r := s.rows[id]
			saveRow(&e, r.b, int(r.row))
			e.Bool(r.matched)
		}
	}
	return e.Bytes(), nil
}

func (j *intervalJoin) Restore(b []byte) error {
	d := state.NewDecoder(b)
	j.wm = d.Int()
	for p := range j.sides {
		if err := j.restoreSide(d, p); err != nil {
			return fmt.Errorf("interval join: %w", err)
		}
	}
	if err := d.Done(); err != nil {
		return fmt.Errorf("interval join: %w", err)
	}
	return nil
}

func (j *intervalJoin) restoreSide(d *state.Decoder, p int) error {
	for n := d.Len(); n > 0 && d.Err() == nil; n-- {
		row := loadRow(d, j.inputs[p])
		matched := d.Bool()
		keys, err := evalAll(j.keys[p], row, nil)
		if err != nil {
			return err
		}
		id := j.sides[p].add(row, 0, keys, state.HashRows(keys, 1, nil)[0])
		j.sides[p].rows[id].matched = matched
	}
	return d.Err()
}
