package repl

import "github.com/sluicedata/sluice/planner"

// changelogKey finds whether the rows reaching d's sink are the updates of an EMIT CHANGES
// aggregate and, if so, which output columns identify a group: its keys and window_start.
// ok is false for plain appended rows, for EMIT FINAL, and when the select list leaves out
// part of the group (then updates cannot be told apart and rows are shown as they come).
func changelogKey(d *planner.DAG) (cols []int, ok bool) {
	sink := sinkNode(d)
	if sink == nil || len(sink.Inputs) != 1 {
		return nil, false
	}
	n := d.Nodes[sink.Inputs[0]]
	at := identity(len(n.Schema.Fields)) // output column → column of n
	for {
		switch op := n.Op.(type) {
		case *planner.LimitOp, *planner.FilterOp:
		case *planner.ProjectOp:
			at = throughProject(at, op)
		case *planner.AggregateOp:
			return groupColumns(at, op)
		default:
			return nil, false
		}
		n = d.Nodes[n.Inputs[0]]
	}
}

func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// throughProject maps output columns through a projection: a column that is a plain column
// reference keeps its source, any other becomes -1.
func throughProject(at []int, op *planner.ProjectOp) []int {
	out := make([]int, len(at))
	for i, c := range at {
		out[i] = -1
		if c < 0 || c >= len(op.Exprs) {
			continue
		}
		if ref, ok := op.Exprs[c].(*planner.ColumnRef); ok {
			out[i] = ref.Index
		}
	}
	return out
}

// groupColumns returns the output columns holding the aggregate's keys and window_start,
// when every one of them is in the output.
func groupColumns(at []int, op *planner.AggregateOp) ([]int, bool) {
	if op.Emit != planner.EmitChanges {
		return nil, false
	}
	need := len(op.Keys)
	if op.Window != nil {
		need++ // window_start follows the keys
	}
	found := make([]bool, need)
	var cols []int
	for out, c := range at {
		if c >= 0 && c < need {
			found[c] = true
			cols = append(cols, out)
		}
	}
	for _, f := range found {
		if !f {
			return nil, false
		}
	}
	return cols, true
}
