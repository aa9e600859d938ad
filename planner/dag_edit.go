package planner

// removeNodes takes nodes out of the DAG (a terminated query's), together with source nodes
// no other node reads any more, and renumbers the rest, updating the catalog's references.
func (p *planner) removeNodes(dead map[int]bool) {
	read := make([]bool, len(p.dag.Nodes))
	for _, n := range p.dag.Nodes {
		if !dead[n.ID] {
			for _, in := range n.Inputs {
				read[in] = true
			}
		}
	}
	for _, n := range p.dag.Nodes {
		if _, ok := n.Op.(*SourceOp); ok && !read[n.ID] {
			dead[n.ID] = true
		}
	}
	m := p.renumber(dead)
	for _, e := range p.cat.entries {
		e.Node, e.Sink = mapID(m, e.Node), mapID(m, e.Sink)
	}
	for _, q := range p.cat.queries {
		var nodes []int
		for _, id := range q.Nodes {
			if m[id] >= 0 {
				nodes = append(nodes, m[id])
			}
		}
		q.Nodes = nodes
	}
}

// renumber rebuilds the DAG without the dead nodes and returns old ID → new ID (-1 if removed).
func (p *planner) renumber(dead map[int]bool) []int {
	m := make([]int, len(p.dag.Nodes))
	var nodes []*Node
	for _, n := range p.dag.Nodes {
		m[n.ID] = -1
		if dead[n.ID] {
			continue
		}
		c := *n
		c.ID = len(nodes)
		c.Inputs = make([]int, len(n.Inputs))
		for i, in := range n.Inputs {
			c.Inputs[i] = m[in]
		}
		m[n.ID] = c.ID
		nodes = append(nodes, &c)
	}
	p.dag.Nodes = nodes
	return m
}

func mapID(m []int, id int) int {
	if id < 0 || id >= len(m) {
		return -1
	}
	return m[id]
}

// SubDAG returns the nodes listed in keep and every node they read, renumbered from 0 in the
// same order (e.g. the nodes of one query: Query.Nodes).
func SubDAG(d *DAG, keep []int) *DAG {
	in := make([]bool, len(d.Nodes))
	var mark func(int)
	mark = func(id int) {
		if in[id] {
			return
		}
		in[id] = true
		for _, x := range d.Nodes[id].Inputs {
			mark(x)
		}
	}
	for _, id := range keep {
		mark(id)
	}
	dead := map[int]bool{}
	for id, ok := range in {
		if !ok {
			dead[id] = true
		}
	}
	p := &planner{dag: &DAG{Nodes: d.Nodes}}
	p.renumber(dead)
	return p.dag
}
