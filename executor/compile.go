package executor

import (
	"errors"
	"fmt"

	"github.com/sluicedata/sluice/executor/eval"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// The expression and aggregate factories of executor/eval, behind variables so that tests can
// count calls or substitute them.
var (
	compileExpr    = eval.Compile
	newAccumulator = eval.NewAccumulator
)

var errNoEval = errors.New("expression evaluation is not available")

// expr is a compiled expression. A column reference is read straight from the input batch (no
// copy); other expressions run a kernel whose output vector may be reused by the next call.
type expr struct {
	col    int // >= 0: the input column read directly
	kernel eval.Kernel
}

func compile(e plan.Expr) (*expr, error) {
	if c, ok := e.(*plan.ColumnRef); ok {
		return &expr{col: c.Index}, nil
	}
	if compileExpr == nil {
		return nil, errNoEval
	}
	k, err := compileExpr(e)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", e, err)
	}
	return &expr{col: -1, kernel: k}, nil
}

func compileAll(es []plan.Expr) ([]*expr, error) {
	out := make([]*expr, len(es))
	for i, e := range es {
		x, err := compile(e)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

// eval returns the expression's value over b. owned reports whether the vector belongs to the
// batch (safe to keep) rather than to a kernel (copy it to keep it).
func (x *expr) eval(b *types.Batch) (v *types.Vector, owned bool, err error) {
	if x.col >= 0 {
		if x.col >= len(b.Cols) {
			return nil, false, fmt.Errorf("column #%d out of range (%d columns)", x.col, len(b.Cols))
		}
		return b.Cols[x.col], true, nil
	}
	v, err = x.kernel.Eval(b)
	return v, false, err
}

// evalAll evaluates every expression into out (reused).
func evalAll(xs []*expr, b *types.Batch, out []*types.Vector) ([]*types.Vector, error) {
	out = out[:0]
	for _, x := range xs {
		v, _, err := x.eval(b)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func newAccumulators(aggs []*plan.AggCall) ([]eval.Accumulator, error) {
	if newAccumulator == nil {
		return nil, errNoEval
	}
	out := make([]eval.Accumulator, len(aggs))
	for i, a := range aggs {
		acc, err := newAccumulator(a)
		if err != nil {
			return nil, fmt.Errorf("aggregate %s: %w", a, err)
		}
		out[i] = acc
	}
	return out, nil
}
