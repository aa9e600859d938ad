package executor

import (
	"fmt"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// project computes one output column per expression. Column references share the input's
// vector; computed columns are copied out of their kernels. Time, WM and Origin pass through.
type project struct {
	stateless
	schema *types.Schema
	exprs  []*expr
}

func newProject(n *plan.Node, op *plan.ProjectOp) (*project, error) {
	if len(op.Exprs) != n.Schema.Len() {
		return nil, fmt.Errorf("%d expressions for %d output columns", len(op.Exprs), n.Schema.Len())
	}
	xs, err := compileAll(op.Exprs)
	if err != nil {
		return nil, err
	}
	return &project{schema: n.Schema, exprs: xs}, nil
}

func (p *project) Process(ctx *Context, _ int, b *types.Batch) error {
	out := &types.Batch{Schema: p.schema, Cols: make([]*types.Vector, len(p.exprs)), Len: b.Len,
		Time: b.Time, WM: b.WM, Origin: b.Origin}
	for i, x := range p.exprs {
		v, owned, err := x.eval(b)
		if err != nil {
			return err
		}
		if !owned {
			v = cloneVector(v, b.Len)
		}
		out.Cols[i] = v
	}
	return ctx.Emit(out)
}
