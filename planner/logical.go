package planner

import (
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// The logical plan is a tree of relational operators built from one query, with bound
// expressions over each operator's input. Rewrite rules (rules.go) transform it; build.go turns
// it into physical DAG nodes. Logical nodes are treated as immutable: a rule returns new nodes.
type lnode interface {
	schema() *types.Schema
	children() []lnode
	// with returns a copy of the node over new children (same count).
	with(kids []lnode) lnode
}

// lScan reads a catalog entry by name: a declared source or a persistent query's output.
type lScan struct {
	entry *Entry
}

// lFilter keeps the rows where pred is TRUE.
type lFilter struct {
	in   lnode
	pred Expr
}

// lProject computes one column per expression; sch names them.
type lProject struct {
	in    lnode
	exprs []Expr
	sch   *types.Schema
	root  bool         // the statement's select list: never pruned or removed
	pos   []parser.Pos // where each select-list column was written (select lists only)
}

// lDedup keeps the first row per key within a time span.
type lDedup struct {
	in     lnode
	keys   []Expr
	within int64
}

// lAggregate groups and aggregates: output keys, [window_start, window_end], aggregates.
type lAggregate struct {
	in     lnode
	keys   []Expr
	aggs   []*AggCall
	window *Window
	emit   Emit
	sch    *types.Schema
}

// lJoin joins two inputs: an interval join of two streams, or a lookup of a stream in a table.
type lJoin struct {
	left, right lnode
	kind        JoinKind
	lookup      bool
	lkeys       []Expr // over the left input
	rkeys       []Expr // over the right input
	within      int64
	residual    Expr // over the output row, or nil
	sch         *types.Schema
}

// lLimit passes the first n rows.
type lLimit struct {
	in lnode
	n  int64
}

func (n *lScan) schema() *types.Schema      { return n.entry.Schema }
func (n *lFilter) schema() *types.Schema    { return n.in.schema() }
func (n *lProject) schema() *types.Schema   { return n.sch }
func (n *lDedup) schema() *types.Schema     { return n.in.schema() }
func (n *lAggregate) schema() *types.Schema { return n.sch }
func (n *lJoin) schema() *types.Schema      { return n.sch }
func (n *lLimit) schema() *types.Schema     { return n.in.schema() }

func (n *lScan) children() []lnode      { return nil }
func (n *lFilter) children() []lnode    { return []lnode{n.in} }
func (n *lProject) children() []lnode   { return []lnode{n.in} }
func (n *lDedup) children() []lnode     { return []lnode{n.in} }
func (n *lAggregate) children() []lnode { return []lnode{n.in} }
func (n *lJoin) children() []lnode      { return []lnode{n.left, n.right} }
func (n *lLimit) children() []lnode     { return []lnode{n.in} }

func (n *lScan) with([]lnode) lnode { return n }
func (n *lFilter) with(k []lnode) lnode {
	c := *n
	c.in = k[0]
	return &c
}
func (n *lProject) with(k []lnode) lnode {
	c := *n
	c.in = k[0]
	return &c
}
func (n *lDedup) with(k []lnode) lnode {
	c := *n
	c.in = k[0]
	return &c
}
func (n *lAggregate) with(k []lnode) lnode {
	c := *n
	c.in = k[0]
	return &c
}
func (n *lJoin) with(k []lnode) lnode {
	c := *n
	c.left, c.right = k[0], k[1]
	return &c
}
func (n *lLimit) with(k []lnode) lnode {
	c := *n
	c.in = k[0]
	return &c
}

// newProject builds a projection and its schema: names in order; a column passed through
// unchanged keeps NOT NULL; the event-time column keeps its role when passed through unchanged
// (else TimeCol is -1 while rows still carry event time); a primary key survives when every key
// column is passed through.
func newProject(in lnode, exprs []Expr, names []string) *lProject {
	is := in.schema()
	s := &types.Schema{Fields: make([]types.Field, len(exprs)), EventTime: is.EventTime, TimeCol: -1, Delay: is.Delay}
	from := make([]int, len(exprs))
	for i, e := range exprs {
		s.Fields[i] = types.Field{Name: names[i], Type: e.Type()}
		from[i] = -1
		if c, ok := e.(*ColumnRef); ok {
			from[i] = c.Index
			s.Fields[i].NotNull = is.Fields[c.Index].NotNull
		}
	}
	s.TimeCol = mapIndex(from, is.TimeCol)
	s.Key = mapKey(from, is.Key)
	return &lProject{in: in, exprs: exprs, sch: s}
}

// mapIndex returns the output position of input column i, or -1.
func mapIndex(from []int, i int) int {
	if i < 0 {
		return -1
	}
	for o, f := range from {
		if f == i {
			return o
		}
	}
	return -1
}

func mapKey(from []int, key []int) []int {
	if len(key) == 0 {
		return nil
	}
	out := make([]int, len(key))
	for i, k := range key {
		if out[i] = mapIndex(from, k); out[i] < 0 {
			return nil
		}
	}
	return out
}

// newAggregate builds an aggregate and its schema. The key of the output changelog is the group
// keys, plus window_start and window_end with a window.
func newAggregate(in lnode, keys []Expr, aggs []*AggCall, w *Window, emit Emit) *lAggregate {
	is := in.schema()
	s := &types.Schema{EventTime: is.EventTime, TimeCol: -1, Delay: is.Delay}
	for i, k := range keys {
		f := types.Field{Name: exprName(k, "key", i), Type: k.Type()}
		if c, ok := k.(*ColumnRef); ok {
			f.NotNull = is.Fields[c.Index].NotNull
		}
		s.Fields = append(s.Fields, f)
		s.Key = append(s.Key, i)
	}
	if w != nil {
		s.Fields = append(s.Fields, types.Field{Name: "window_start", Type: types.Timestamp, NotNull: true},
			types.Field{Name: "window_end", Type: types.Timestamp, NotNull: true})
		s.Key = append(s.Key, len(keys), len(keys)+1)
	}
	for i, a := range aggs {
		s.Fields = append(s.Fields, types.Field{Name: aggName(a, i), Type: a.T, NotNull: a.Fn == "count" || a.Fn == "count_star"})
	}
	return &lAggregate{in: in, keys: keys, aggs: aggs, window: w, emit: emit, sch: s}
}

// windowCols is how many window columns an aggregate outputs.
func (n *lAggregate) windowCols() int {
	if n.window != nil {
		return 2
	}
	return 0
}

func exprName(e Expr, prefix string, i int) string {
	if c, ok := e.(*ColumnRef); ok {
		return c.Name
	}
	return prefix + itoa(i)
}

func aggName(a *AggCall, i int) string {
	return a.Fn + "_" + itoa(i)
}

// newJoin builds a join's schema: left columns then right columns. A LEFT join makes the right
// columns nullable. An interval join has event time when both sides have it (the left side's time
// column); a lookup join keeps the stream's event time (the table is versioned by it).
func newJoin(j *lJoin) *lJoin {
	ls, rs := j.left.schema(), j.right.schema()
	s := &types.Schema{TimeCol: -1}
	s.Fields = append(append(s.Fields, ls.Fields...), rs.Fields...)
	if j.kind == LeftJoin {
		for i := len(ls.Fields); i < len(s.Fields); i++ {
			s.Fields[i].NotNull = false
		}
	}
	s.EventTime = ls.EventTime && (j.lookup || rs.EventTime)
	if s.EventTime {
		s.TimeCol, s.Delay = ls.TimeCol, ls.Delay
		if !j.lookup {
			s.Delay = max(ls.Delay, rs.Delay)
		}
	}
	j.sch = s
	return j
}
