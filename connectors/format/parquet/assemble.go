package parquet

import (
	pq "github.com/parquet-go/parquet-go"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// cursor walks the values of one row's leaf columns to rebuild nested values (the inverse of
// the shredder): each leaf column is read in order, and a node's presence and a list's length
// follow from the definition and repetition levels of its first leaf's values.
type cursor struct {
	row pq.Row
	at  []int // per leaf column: index in row of its next value
	end []int // per leaf column: end of its values
}

// reset points the cursor at the values of the leaves of col in row.
func (cu *cursor) reset(row pq.Row, bounds []int, col *pnode) {
	cu.row = row
	if cap(cu.at) < len(bounds) {
		cu.at, cu.end = make([]int, len(bounds)), make([]int, len(bounds))
	}
	cu.at, cu.end = cu.at[:len(bounds)], cu.end[:len(bounds)]
	for l := col.first; l < col.first+col.leaves; l++ {
		cu.at[l], cu.end[l] = bounds[l], bounds[l+1]
	}
}

// peek returns the next value of leaf l, if it has one.
func (cu *cursor) peek(l int) (pq.Value, bool) {
	if cu.at[l] >= cu.end[l] {
		return pq.Value{}, false
	}
	return cu.row[cu.at[l]], true
}

// skip consumes one value of every leaf under n (an absent node has one value per leaf).
func (cu *cursor) skip(n *pnode) {
	for l := n.first; l < n.first+n.leaves; l++ {
		if cu.at[l] < cu.end[l] {
			cu.at[l]++
		}
	}
}

// value rebuilds the value of node n (types/value.go conventions; nil for NULL).
func (r *Reader) value(n *pnode) any {
	v, ok := r.cur.peek(n.first)
	if !ok || n.opt && v.DefinitionLevel() < n.def {
		r.cur.skip(n)
		return nil
	}
	switch n.kind {
	case kindLeaf:
		r.cur.at[n.first]++
		return r.leafValue(n, v)
	case kindStruct:
		out := make([]any, len(n.kids))
		for i, k := range n.kids {
			out[i] = r.value(k)
		}
		return out
	}
	return r.entries(n, v)
}

func (r *Reader) leafValue(n *pnode, v pq.Value) any {
	if v.IsNull() {
		return nil
	}
	var c format.Cell
	leafCell(n.conv, n.typ.Scale, v, &c, &r.text)
	return format.CellValue(&c, &n.typ)
}

// entries rebuilds a list ([]any) or a map (map[string]any) whose first leaf value is v.
func (r *Reader) entries(n *pnode, v pq.Value) any {
	if v.DefinitionLevel() < n.repDef {
		r.cur.skip(n)
		if n.kind == kindMap {
			return map[string]any{}
		}
		return []any{}
	}
	var list []any
	var m map[string]any
	if n.kind == kindMap {
		m = map[string]any{}
	}
	for {
		if m != nil {
			k := r.value(n.kids[0])
			m[keyText(k, &n.kids[0].typ)] = r.value(n.kids[1])
		} else {
			list = append(list, r.value(n.kids[0]))
		}
		next, ok := r.cur.peek(n.first)
		if !ok || next.RepetitionLevel() < n.repRep {
			break
		}
	}
	if m != nil {
		return m
	}
	return list
}

// keyText is a map key as text: strings as they are, other values as their JSON text.
func keyText(k any, t *types.Type) string {
	if s, ok := k.(string); ok {
		return s
	}
	c := format.ValueCell(k, t)
	return string(format.AppendCellJSON(nil, &c, t))
}
