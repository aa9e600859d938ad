package executor

import (
	"fmt"

	"github.com/sluicedata/sluice/planner/plan"
)

// NewOperator instantiates the operator of node n; inputs are the nodes it reads, in port order
// (for their schemas). Sources and sinks need connectors: Run builds those.
func NewOperator(n *plan.Node, inputs []*plan.Node) (Operator, error) {
	switch op := n.Op.(type) {
	case *plan.FilterOp:
		return newFilter(op)
	case *plan.ProjectOp:
		return newProject(n, op)
	case *plan.DedupOp:
		return newDedup(op)
	case *plan.AggregateOp:
		return newAggregate(n, op)
	case *plan.IntervalJoinOp:
		return newIntervalJoin(n, inputs, op)
	case *plan.LookupJoinOp:
		return newLookupJoin(n, inputs, op)
	case *plan.LimitOp:
		return &limit{n: op.N}, nil
	}
	return nil, fmt.Errorf("no operator implements %s", n.Op.OpName())
}

// stateless provides the state-related methods of operators that keep nothing.
type stateless struct{}

func (stateless) Watermark(_ *Context, wm int64) (int64, error) { return wm, nil }
func (stateless) Finish(*Context) error                         { return nil }
func (stateless) Snapshot() ([]byte, error)                     { return nil, nil }
func (stateless) State() StateInfo                              { return StateInfo{} }

func (stateless) Restore(b []byte) error {
	if len(b) > 0 {
		return fmt.Errorf("a stateless operator has no state to restore")
	}
	return nil
}
