package repl

import (
	"maps"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/planner"
)

// subDAG returns a copy of the nodes in keep and of every node they read, transitively,
// renumbered from 0 in their original (topological) order. The copies can be changed without
// touching the session's DAG. newID maps an original ID to its new one (-1 when left out).
func subDAG(d *planner.DAG, keep []int) (sub *planner.DAG, newID []int) {
	in := ancestors(d, keep)
	newID = make([]int, len(d.Nodes))
	sub = &planner.DAG{}
	for _, n := range d.Nodes {
		newID[n.ID] = -1
		if !in[n.ID] {
			continue
		}
		c := *n
		c.ID = len(sub.Nodes)
		c.Inputs = make([]int, len(n.Inputs))
		for i, x := range n.Inputs {
			c.Inputs[i] = newID[x]
		}
		newID[n.ID] = c.ID
		sub.Nodes = append(sub.Nodes, &c)
	}
	return sub, newID
}

// ancestors marks the nodes in keep and every node they read, transitively.
func ancestors(d *planner.DAG, keep []int) []bool {
	in := make([]bool, len(d.Nodes))
	stack := append([]int(nil), keep...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if id < 0 || id >= len(d.Nodes) || in[id] {
			continue
		}
		in[id] = true
		stack = append(stack, d.Nodes[id].Inputs...)
	}
	return in
}

// withoutErrorSink drops the error_sink option of the sources in d for which keep says no:
// their rejected records are then counted, not written (another query writes them). It
// returns how many it dropped.
func withoutErrorSink(d *planner.DAG, keep func(stream string) bool) (dropped int) {
	for _, n := range d.Nodes {
		op, ok := n.Op.(*planner.SourceOp)
		if !ok || op.Options["error_sink"] == "" || keep(op.Stream) {
			continue
		}
		c := *op
		c.Options = maps.Clone(op.Options)
		delete(c.Options, "error_sink")
		n.Op = &c
		dropped++
	}
	return dropped
}

// sources lists the streams read by the sources of d.
func sources(d *planner.DAG) []string {
	var out []string
	for _, n := range d.Nodes {
		if op, ok := n.Op.(*planner.SourceOp); ok {
			out = append(out, op.Stream)
		}
	}
	return out
}

// sinkNode returns the first sink node of d, or nil.
func sinkNode(d *planner.DAG) *planner.Node {
	for _, n := range d.Nodes {
		if _, ok := n.Op.(*planner.SinkOp); ok {
			return n
		}
	}
	return nil
}

// bounded reports whether every source of d ends by itself (files; datagen with events; kafka
// and kinesis with end).
func bounded(d *planner.DAG) bool {
	for _, n := range d.Nodes {
		op, ok := n.Op.(*planner.SourceOp)
		if !ok {
			continue
		}
		if spec, ok := connectors.Lookup(op.Connector); !ok || !spec.BoundedWith(op.Options) {
			return false
		}
	}
	return true
}
