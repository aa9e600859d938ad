package state

import "github.com/sluicedata/sluice/types"

// KeyTable maps keys (one row of typed key columns, plus an optional int64 such as a window
// start) to dense group ids 0..Cap()-1, reusing the ids of deleted keys. It stores the key columns
// itself and compares them on hash matches, so collisions never merge two keys.
// NULL key values are equal to each other (GROUP BY semantics); joins skip NULL keys themselves.
type KeyTable struct {
	keys  []*types.Vector // stored key columns; row g is group g's key
	extra []int64
	hash  []uint64
	live  []bool
	free  []int32
	slots []int32 // open addressing, linear probing: group id + 1, 0 = empty
	n     int
}

// NewKeyTable returns an empty table for keys of the given column types.
func NewKeyTable(ts []types.Type) *KeyTable {
	t := &KeyTable{keys: make([]*types.Vector, len(ts)), slots: make([]int32, 16)}
	for i, ty := range ts {
		t.keys[i] = types.NewVector(ty, 0)
	}
	return t
}

// Len is the number of live keys.
func (t *KeyTable) Len() int { return t.n }

// Cap is one more than the largest group id handed out so far.
func (t *KeyTable) Cap() int { return len(t.hash) }

// Live reports whether group g holds a key.
func (t *KeyTable) Live(g int32) bool { return int(g) < len(t.live) && t.live[g] }

// Extra returns the int64 part of group g's key.
func (t *KeyTable) Extra(g int32) int64 { return t.extra[g] }

// Keys returns the stored key columns (row g is group g's key). Read only.
func (t *KeyTable) Keys() []*types.Vector { return t.keys }

// Find returns the group of the key at row of cols with hash h and extra x, or -1.
func (t *KeyTable) Find(cols []*types.Vector, row int, h uint64, x int64) int32 {
	h = withExtra(h, x)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if g := s - 1; t.hash[g] == h && t.extra[g] == x && t.equal(g, cols, row) {
			return g
		}
	}
}

// FindOrInsert returns the group of the key, inserting it when absent (added reports that).
func (t *KeyTable) FindOrInsert(cols []*types.Vector, row int, h uint64, x int64) (g int32, added bool) {
	if g := t.Find(cols, row, h, x); g >= 0 {
		return g, false
	}
	return t.Insert(cols, row, h, x), true
}

// Insert adds the key (which must be absent) and returns its new group id.
func (t *KeyTable) Insert(cols []*types.Vector, row int, h uint64, x int64) int32 {
	if (t.n+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	g := t.newGroup(withExtra(h, x), x)
	for c, v := range t.keys {
		setRow(v, int(g), cols[c], row)
	}
	t.place(g)
	t.n++
	return g
}

// withExtra folds the extra part of a key into its hash, so that the windows of one key do not
// all probe the same slots.
func withExtra(h uint64, x int64) uint64 {
	if x == 0 {
		return h
	}
	return mix(h, uint64(x))
}

func (t *KeyTable) newGroup(h uint64, x int64) int32 {
	if k := len(t.free); k > 0 {
		g := t.free[k-1]
		t.free = t.free[:k-1]
		t.hash[g], t.extra[g], t.live[g] = h, x, true
		return g
	}
	t.hash = append(t.hash, h)
	t.extra = append(t.extra, x)
	t.live = append(t.live, true)
	return int32(len(t.hash) - 1)
}

func (t *KeyTable) place(g int32) {
	mask := uint64(len(t.slots) - 1)
	i := t.hash[g] & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = g + 1
}

func (t *KeyTable) grow() {
	t.slots = make([]int32, len(t.slots)*2)
	for g, ok := range t.live {
		if ok {
			t.place(int32(g))
		}
	}
}

// Delete removes group g's key; g may be handed out again by a later insert.
func (t *KeyTable) Delete(g int32) {
	if !t.Live(g) {
		return
	}
	mask := uint64(len(t.slots) - 1)
	i := t.hash[g] & mask
	for t.slots[i] != g+1 {
		i = (i + 1) & mask
	}
	t.backshift(i, mask)
	t.live[g] = false
	t.free = append(t.free, g)
	t.n--
	for _, v := range t.keys {
		clearRow(v, int(g))
	}
}

// backshift empties slot i and moves later entries of its probe run back (linear-probing delete).
func (t *KeyTable) backshift(i, mask uint64) {
	for j := (i + 1) & mask; t.slots[j] != 0; j = (j + 1) & mask {
		home := t.hash[t.slots[j]-1] & mask
		if (j-home)&mask >= (j-i)&mask {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = 0
}

func (t *KeyTable) equal(g int32, cols []*types.Vector, row int) bool {
	for c, v := range t.keys {
		if !rowsEqual(v, int(g), cols[c], row) {
			return false
		}
	}
	return true
}

// SaveKey encodes group g's key (values and extra) for a snapshot.
func (t *KeyTable) SaveKey(e *Encoder, g int32) {
	for _, v := range t.keys {
		e.Value(v.Value(int(g)))
	}
	e.Int(t.extra[g])
}

// LoadKey decodes a key written by SaveKey and inserts it (or finds it), returning its group.
func (t *KeyTable) LoadKey(d *Decoder) int32 {
	cols := make([]*types.Vector, len(t.keys))
	for i, v := range t.keys {
		cols[i] = types.NewVector(v.Type, 1)
		appendDecoded(cols[i], d.Value())
	}
	x := d.Int()
	if d.Err() != nil {
		return -1
	}
	h := HashRows(cols, 1, nil)[0]
	g, _ := t.FindOrInsert(cols, 0, h, x)
	return g
}

// appendDecoded appends a decoded Value, tolerating a value of the wrong Go type (a corrupt
// snapshot) by appending NULL instead of panicking.
func appendDecoded(v *types.Vector, x any) {
	switch types.Storage(v.Type.Kind) {
	case types.StoreI64:
		x = onlyType[int64](x)
	case types.StoreF64:
		x = onlyType[float64](x)
	case types.StoreBool:
		x = onlyType[bool](x)
	case types.StoreStr:
		x = onlyType[string](x)
	}
	v.AppendValue(x)
}

func onlyType[T any](x any) any {
	if _, ok := x.(T); ok {
		return x
	}
	return nil
}

// AppendValue appends a decoded Value to v, NULL when its Go type does not fit v.
func AppendValue(v *types.Vector, x any) { appendDecoded(v, x) }
