package eval

import (
	"fmt"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Access to nested values. "field" reads struct member Args[1] (a constant, 0-based in field
// order, as types.Type.Field returns it). "index" reads an array element by a 1-based BIGINT
// (NULL past either end, as SQL.md says for SPLIT(...)[n]) or a map value by STRING key (NULL when
// absent). A NULL container or index gives NULL.

func buildField(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("field takes a struct and a member index")
	}
	v, ok := constValue(args[1])
	idx, isInt := v.(int64)
	if !ok || !isInt {
		return nil, fmt.Errorf("field needs a constant member index")
	}
	if st := c.Args[0].Type(); st.Kind == types.KindStruct && (idx < 0 || int(idx) >= len(st.Fields)) {
		return nil, fmt.Errorf("member %d of %s does not exist", idx, st)
	}
	return newRows(c.T, args[:1], func(vs []*types.Vector, i int, out *types.Vector) bool {
		xs, ok := vs[0].Any[i].([]any)
		if !ok || idx < 0 || int(idx) >= len(xs) {
			return false
		}
		putValue(out, i, xs[idx])
		return !out.Nulls.Get(i)
	}), nil
}

func buildIndex(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("index takes a container and an index")
	}
	if c.Args[0].Type().Kind == types.KindMap {
		return newRows(c.T, args, func(vs []*types.Vector, i int, out *types.Vector) bool {
			m, _ := vs[0].Any[i].(map[string]any)
			x, ok := m[vs[1].Str[i]]
			putValue(out, i, x)
			return ok && !out.Nulls.Get(i)
		}), nil
	}
	return newRows(c.T, args, func(vs []*types.Vector, i int, out *types.Vector) bool {
		xs, _ := vs[0].Any[i].([]any)
		n := vs[1].I64[i]
		if n < 1 || n > int64(len(xs)) {
			return false
		}
		putValue(out, i, xs[n-1])
		return !out.Nulls.Get(i)
	}), nil
}
