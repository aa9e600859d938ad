package executor

import (
	"fmt"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/planner/plan"
)

// build checks the DAG, opens error sinks, instantiates one task per live node (a node that
// reaches no sink is not run) and wires producers to consumers.
func (rt *runtime) build(dag *plan.DAG) error {
	if err := checkDAG(dag); err != nil {
		return err
	}
	rt.nodes = dag.Nodes
	live := liveNodes(dag)
	outs := make([]*outbox, len(dag.Nodes))
	ins := make([]*inbox, len(dag.Nodes))
	for _, n := range dag.Nodes {
		if !live[n.ID] {
			continue
		}
		out, in, err := rt.buildNode(n)
		if err != nil {
			return fmt.Errorf("%s: %w", nodeName(n), err)
		}
		outs[n.ID], ins[n.ID] = out, in
	}
	wire(dag, live, outs, ins)
	return nil
}

// buildNode creates n's task and returns its outbox and inbox (nil for a source).
func (rt *runtime) buildNode(n *plan.Node) (*outbox, *inbox, error) {
	if op, ok := n.Op.(*plan.SourceOp); ok {
		st, err := rt.buildSource(n, op)
		if err != nil {
			return nil, nil, err
		}
		rt.add(n, st)
		return &st.out, nil, nil
	}
	op, err := rt.newOperator(n)
	if err != nil {
		return nil, nil, err
	}
	t := newOpTask(n, op, rt)
	rt.add(n, t)
	return &t.out, t.in, nil
}

func (rt *runtime) add(n *plan.Node, t task) {
	rt.tasks = append(rt.tasks, t)
	rt.taskNames = append(rt.taskNames, nodeName(n))
}

func (rt *runtime) buildSource(n *plan.Node, op *plan.SourceOp) (*sourceTask, error) {
	if rt.opts.Registry == nil {
		return nil, fmt.Errorf("no connector registry")
	}
	if uri := op.Options["error_sink"]; uri != "" {
		if err := rt.rejects.open(rt.opts.Registry, op.Stream, uri, rt.opts.BaseDir); err != nil {
			return nil, err
		}
	}
	src, err := rt.opts.Registry.NewSource(op.Connector, connectors.SourceConfig{
		Stream: op.Stream, Schema: n.Schema, Options: op.Options, BaseDir: rt.opts.BaseDir})
	if err != nil {
		return nil, err
	}
	rt.sources = append(rt.sources, src)
	return newSourceTask(n, op, src, rt), nil
}

// newOperator instantiates the operator of a non-source node.
func (rt *runtime) newOperator(n *plan.Node) (Operator, error) {
	switch op := n.Op.(type) {
	case *plan.SinkOp:
		if rt.opts.Registry == nil {
			return nil, fmt.Errorf("no connector registry")
		}
		return rt.newSink(n, op)
	default:
		return NewOperator(n, inputSchemas(n, rt.nodes))
	}
}

// nodeName names a node in errors.
func nodeName(n *plan.Node) string {
	switch op := n.Op.(type) {
	case *plan.SourceOp:
		return fmt.Sprintf("source %q", op.Stream)
	case *plan.SinkOp:
		return fmt.Sprintf("sink %q", op.Sink)
	}
	if n.Name != "" {
		return fmt.Sprintf("%s %q (node %d)", n.Op.OpName(), n.Name, n.ID)
	}
	return fmt.Sprintf("%s (node %d)", n.Op.OpName(), n.ID)
}

// checkDAG verifies what the runtime relies on: IDs are positions, inputs come first.
func checkDAG(dag *plan.DAG) error {
	for i, n := range dag.Nodes {
		if n == nil || n.ID != i || n.Op == nil || n.Schema == nil {
			return fmt.Errorf("invalid plan: node %d is malformed", i)
		}
		for _, in := range n.Inputs {
			if in < 0 || in >= i {
				return fmt.Errorf("invalid plan: %s reads node %d, which does not come before it", nodeName(n), in)
			}
		}
		if err := checkArity(n); err != nil {
			return err
		}
	}
	return nil
}

func checkArity(n *plan.Node) error {
	want := 1
	switch n.Op.(type) {
	case *plan.SourceOp:
		want = 0
	case *plan.IntervalJoinOp, *plan.LookupJoinOp:
		want = 2
	}
	if len(n.Inputs) != want {
		return fmt.Errorf("invalid plan: %s has %d inputs, want %d", nodeName(n), len(n.Inputs), want)
	}
	return nil
}

// liveNodes marks the nodes from which a sink can be reached: only those run.
func liveNodes(dag *plan.DAG) []bool {
	live := make([]bool, len(dag.Nodes))
	for i := len(dag.Nodes) - 1; i >= 0; i-- {
		n := dag.Nodes[i]
		if _, ok := n.Op.(*plan.SinkOp); ok {
			live[i] = true
		}
		if live[i] {
			for _, in := range n.Inputs {
				live[in] = true
			}
		}
	}
	return live
}

// wire connects every live node's inputs to their producers' outboxes.
func wire(dag *plan.DAG, live []bool, outs []*outbox, ins []*inbox) {
	for _, n := range dag.Nodes {
		if !live[n.ID] {
			continue
		}
		for port, src := range n.Inputs {
			outs[src].add(ins[n.ID], port)
		}
	}
}

// inputSchemas returns the output schemas of n's inputs.
func inputSchemas(n *plan.Node, nodes []*plan.Node) []*plan.Node {
	out := make([]*plan.Node, len(n.Inputs))
	for i, id := range n.Inputs {
		out[i] = nodes[id]
	}
	return out
}
