package planner

import "github.com/sluicedata/sluice/types"

// builder turns one query's logical plan into DAG nodes named after the query. A logical node
// reached twice (a WITH name read twice) becomes one DAG node with two consumers; a scan of a
// catalog entry reuses the entry's node, so a source read by several queries is read once.
type builder struct {
	p       *planner
	name    string
	memo    map[lnode]int
	created []int
}

func (p *planner) newBuilder(name string) *builder {
	return &builder{p: p, name: name, memo: map[lnode]int{}}
}

// add appends a node of this query to the DAG.
func (b *builder) add(op Op, s *types.Schema, inputs ...int) int {
	id := b.p.addNode(b.name, op, s, inputs...)
	b.created = append(b.created, id)
	return id
}

func (p *planner) addNode(name string, op Op, s *types.Schema, inputs ...int) int {
	id := len(p.dag.Nodes)
	p.dag.Nodes = append(p.dag.Nodes, &Node{ID: id, Name: name, Inputs: inputs, Schema: s, Op: op})
	return id
}

// build returns the DAG node producing n's rows.
func (b *builder) build(n lnode) int {
	if id, ok := b.memo[n]; ok {
		return id
	}
	id := b.buildNode(n)
	b.memo[n] = id
	return id
}

func (b *builder) buildNode(n lnode) int {
	switch x := n.(type) {
	case *lScan:
		return b.p.entryNode(x.entry)
	case *lFilter:
		return b.add(&FilterOp{Pred: x.pred}, x.schema(), b.build(x.in))
	case *lProject:
		return b.add(&ProjectOp{Exprs: x.exprs}, x.sch, b.build(x.in))
	case *lDedup:
		return b.add(&DedupOp{Keys: x.keys, Within: x.within}, x.schema(), b.build(x.in))
	case *lAggregate:
		return b.add(&AggregateOp{Keys: x.keys, Aggs: x.aggs, Window: x.window, Emit: x.emit}, x.sch, b.build(x.in))
	case *lLimit:
		return b.add(&LimitOp{N: x.n}, x.schema(), b.build(x.in))
	case *lJoin:
		return b.buildJoin(x)
	}
	panic("planner: unknown logical node") // unreachable: every lnode type is listed above
}

func (b *builder) buildJoin(j *lJoin) int {
	l, r := b.build(j.left), b.build(j.right)
	if j.lookup {
		return b.add(&LookupJoinOp{Kind: j.kind, StreamKeys: j.lkeys, Residual: j.residual}, j.sch, l, r)
	}
	op := &IntervalJoinOp{Kind: j.kind, LeftKeys: j.lkeys, RightKeys: j.rkeys, Within: j.within, Residual: j.residual}
	return b.add(op, j.sch, l, r)
}

// entryNode returns the node producing a catalog entry's rows, adding a declared source's
// SourceOp the first time it is read.
func (p *planner) entryNode(e *Entry) int {
	if e.Node < 0 && e.Source {
		op := &SourceOp{Stream: e.Name, Connector: e.Connector, Options: e.Options, IsTable: e.Kind == TableEntry}
		e.Node = p.addNode(e.Name, op, e.Schema)
	}
	return e.Node
}
