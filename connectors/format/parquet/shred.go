package parquet

import (
	"fmt"
	"sort"
	"unsafe"

	pq "github.com/parquet-go/parquet-go"

	"github.com/sluicedata/sluice/types"
)

// shredder turns the values of one SQL column (or a nested part of it) into Parquet leaf values
// with repetition and definition levels (Dremel shredding). Its layout mirrors node():
//
//	optional column          def+1
//	  LIST:   repeated list  def+1, rep+1 → optional element def+1
//	  MAP:    repeated kv    def+1, rep+1 → required key, optional value def+1
//	  STRUCT: optional members def+1
type shredder struct {
	t           types.Type
	def         int // definition level when this value is present
	repDepth    int // repetition level of the elements of a LIST or MAP
	leaf        int // the leaf column index of a scalar
	first, last int // the leaf columns of this subtree, [first, last)
	kids        []*shredder
}

// newShredder lays out a column of type t whose parent is at definition level parentDef and
// repetition depth rep, with leaf columns numbered from *next.
func newShredder(t types.Type, parentDef, rep int, next *int) *shredder {
	s := &shredder{t: t, def: parentDef + 1, first: *next}
	switch t.Kind {
	case types.KindArray:
		s.repDepth = rep + 1
		s.kids = []*shredder{newShredder(*t.Elem, s.def+1, rep+1, next)}
	case types.KindMap:
		s.repDepth = rep + 1
		key := &shredder{t: types.String, def: s.def + 1, leaf: *next, first: *next, last: *next + 1}
		*next++
		s.kids = []*shredder{key, newShredder(*t.Elem, s.def+1, rep+1, next)}
	case types.KindStruct:
		for _, f := range t.Fields {
			s.kids = append(s.kids, newShredder(f.Type, s.def, rep, next))
		}
	default:
		s.leaf = *next
		*next++
	}
	s.last = *next
	return s
}

// shred appends the leaf values of v (a Value per types/value.go; nil is NULL) to out, the first
// one with repetition level r.
func (s *shredder) shred(v any, r int, out [][]pq.Value) error {
	if v == nil {
		s.nulls(r, s.def-1, out)
		return nil
	}
	switch s.t.Kind {
	case types.KindArray:
		return s.shredList(v, r, out)
	case types.KindMap:
		return s.shredMap(v, r, out)
	case types.KindStruct:
		return s.shredStruct(v, r, out)
	}
	pv, ok := scalar(s.t, v)
	if !ok {
		return fmt.Errorf("value %v (%T) is not a %s", v, v, s.t)
	}
	out[s.leaf] = append(out[s.leaf], pv.Level(r, s.def, s.leaf))
	return nil
}

// nulls appends an absent value at definition level d to every leaf of the subtree.
func (s *shredder) nulls(r, d int, out [][]pq.Value) {
	for c := s.first; c < s.last; c++ {
		out[c] = append(out[c], pq.Value{}.Level(r, d, c))
	}
}

func (s *shredder) shredList(v any, r int, out [][]pq.Value) error {
	elems, ok := v.([]any)
	if !ok {
		return fmt.Errorf("value %v (%T) is not an ARRAY", v, v)
	}
	if len(elems) == 0 {
		s.nulls(r, s.def, out)
		return nil
	}
	for i, e := range elems {
		if err := s.kids[0].shred(e, s.rep(i, r), out); err != nil {
			return err
		}
	}
	return nil
}

// rep is the repetition level of the i-th element: the parent's for the first, the list's own
// depth for the others.
func (s *shredder) rep(i, r int) int {
	if i == 0 {
		return r
	}
	return s.repDepth
}

func (s *shredder) shredMap(v any, r int, out [][]pq.Value) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("value %v (%T) is not a MAP", v, v)
	}
	if len(m) == 0 {
		s.nulls(r, s.def, out)
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	key := s.kids[0]
	for i, k := range keys {
		rr := s.rep(i, r)
		out[key.leaf] = append(out[key.leaf], stringValue(k).Level(rr, key.def, key.leaf))
		if err := s.kids[1].shred(m[k], rr, out); err != nil {
			return err
		}
	}
	return nil
}

func (s *shredder) shredStruct(v any, r int, out [][]pq.Value) error {
	members, ok := v.([]any)
	if !ok || len(members) != len(s.kids) {
		return fmt.Errorf("value %v (%T) is not a %s", v, v, s.t)
	}
	for i, k := range s.kids {
		if err := k.shred(members[i], r, out); err != nil {
			return err
		}
	}
	return nil
}

// scalar converts a scalar Value to its Parquet physical value.
func scalar(t types.Type, v any) (pq.Value, bool) {
	switch x := v.(type) {
	case int64:
		return intValue(t, x)
	case float64:
		return pq.DoubleValue(x), t.Kind == types.KindDouble
	case bool:
		return pq.BooleanValue(x), t.Kind == types.KindBool
	case string:
		return stringValue(x), t.Kind == types.KindString || t.Kind == types.KindBytes
	}
	return pq.Value{}, false
}

func intValue(t types.Type, x int64) (pq.Value, bool) {
	switch t.Kind {
	case types.KindInt, types.KindDate:
		return pq.Int32Value(int32(x)), true
	case types.KindDecimal:
		if decimalIsInt32(t) {
			return pq.Int32Value(int32(x)), true
		}
		return pq.Int64Value(x), true
	case types.KindBigInt, types.KindTimestamp:
		return pq.Int64Value(x), true
	}
	return pq.Value{}, false
}

// stringValue wraps s without copying; parquet-go copies byte arrays into its buffers.
func stringValue(s string) pq.Value {
	return pq.ByteArrayValue(unsafe.Slice(unsafe.StringData(s), len(s)))
}
