package executor

import (
	"fmt"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// filter keeps the rows where its predicate is TRUE; NULL and FALSE drop the row. Rows keep
// their Time, WM and Origin.
type filter struct {
	stateless
	pred *expr
	sel  []int
}

func newFilter(op *plan.FilterOp) (*filter, error) {
	if op.Pred.Type().Kind != types.KindBool {
		return nil, fmt.Errorf("filter predicate %s is %s, not BOOLEAN", op.Pred, op.Pred.Type())
	}
	p, err := compile(op.Pred)
	if err != nil {
		return nil, err
	}
	return &filter{pred: p}, nil
}

func (f *filter) Process(ctx *Context, _ int, b *types.Batch) error {
	v, _, err := f.pred.eval(b)
	if err != nil {
		return err
	}
	f.sel = trueRows(v, b.Len, f.sel[:0])
	ctx.Filtered(b.Len - len(f.sel))
	switch len(f.sel) {
	case 0:
		return nil
	case b.Len:
		return ctx.Emit(b)
	}
	return ctx.Emit(b.Select(f.sel))
}

// trueRows appends the rows of a BOOLEAN vector that are TRUE (not NULL, not FALSE).
func trueRows(v *types.Vector, n int, sel []int) []int {
	hasNulls := v.Nulls.Any()
	for i, ok := range v.Bool[:n] {
		if ok && !(hasNulls && v.Nulls.Get(i)) {
			sel = append(sel, i)
		}
	}
	return sel
}
