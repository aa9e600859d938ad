package executor

import (
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// intervalJoin pairs left and right rows with equal keys whose event times differ by at most
// Within (a JOIN b WITHIN d ON keys). Each side keeps its rows until the watermark passes
// time + d. A row whose time is behind its watermark (the larger of the operator's and its own)
// could have lost matches already freed: it is late (dropped, counted, sent to its source's error
// sink). LEFT JOIN emits a left row that found no match, with NULL right columns, once the
// watermark passes its time + d. Output rows: left columns then right columns, Time = the left
// row's time (the planner declares the left side's time column the join's event time, so a
// window over the join puts a pair in its left row's window, as Flink windows on the time
// column the query names), and the left row's own watermark (Batch.WM) and origin (when every
// left row of the output batch comes from one source and prefix), so that an error record about
// an output row downstream still names where it came from. A NULL key matches nothing.
//
// The watermark forwarded is the input watermark minus d, inner and left joins alike: a pair
// emitted now has a right or left row not behind the watermark and a left time at most d before
// it, and an unmatched left row is emitted once the watermark passes its time + d, so no output
// row is ever behind the forwarded watermark (late downstream).
type intervalJoin struct {
	op       *plan.IntervalJoinOp
	schema   *types.Schema
	inputs   [2]*types.Schema
	keys     [2][]*expr
	sides    [2]*joinSide
	residual *expr
	wm       int64

	keyCols [2][]*types.Vector
	hashes  []uint64
}

// pair is one candidate output row: entry ids on both sides (-1 right: no match).
type pair struct{ left, right int32 }

func newIntervalJoin(n *plan.Node, inputs []*plan.Node, op *plan.IntervalJoinOp) (*intervalJoin, error) {
	j := &intervalJoin{op: op, schema: n.Schema, wm: types.MinTime}
	if len(op.LeftKeys) != len(op.RightKeys) {
		return nil, fmt.Errorf("%d left keys for %d right keys", len(op.LeftKeys), len(op.RightKeys))
	}
	if err := checkJoinSchema(n, inputs); err != nil {
		return nil, err
	}
	for p, ks := range [2][]plan.Expr{op.LeftKeys, op.RightKeys} {
		j.inputs[p] = inputs[p].Schema
		j.sides[p] = newJoinSide(exprTypes(ks))
		var err error
		if j.keys[p], err = compileAll(ks); err != nil {
			return nil, err
		}
	}
	var err error
	j.residual, err = compileResidual(op.Residual)
	return j, err
}

// checkJoinSchema verifies that a join's output is its inputs' columns side by side.
func checkJoinSchema(n *plan.Node, inputs []*plan.Node) error {
	if w := inputs[0].Schema.Len() + inputs[1].Schema.Len(); n.Schema.Len() != w {
		return fmt.Errorf("output schema has %d columns, want %d", n.Schema.Len(), w)
	}
	return nil
}

func compileResidual(e plan.Expr) (*expr, error) {
	if e == nil {
		return nil, nil
	}
	return compile(e)
}

func (j *intervalJoin) Process(ctx *Context, port int, b *types.Batch) error {
	var err error
	if j.keyCols[port], err = evalAll(j.keys[port], b, j.keyCols[port]); err != nil {
		return err
	}
	j.hashes = state.HashRows(j.keyCols[port], b.Len, j.hashes)
	var pairs []pair
	for i := range b.Len {
		if wm := watermark.Effective(j.wm, b.WM, i); b.Time[i] < wm {
			if err := ctx.Late(b, i, wm, "the join state it could match had been freed"); err != nil {
				return err
			}
			continue
		}
		pairs = j.probe(port, b, i, pairs)
	}
	return j.emitPairs(ctx, pairs)
}

// probe keeps row i of b on its side and appends its pairs with the other side's rows.
func (j *intervalJoin) probe(port int, b *types.Batch, i int, pairs []pair) []pair {
	keys, h := j.keyCols[port], j.hashes[i]
	if port == 1 && state.HasNull(keys, i) {
		return pairs // a right row with a NULL key can never be emitted
	}
	id := j.sides[port].add(b, i, keys, h)
	other := j.sides[1-port]
	for _, o := range other.matches(keys, i, h) {
		if d := b.Time[i] - other.rows[o].t; d <= j.op.Within && -d <= j.op.Within {
			pairs = append(pairs, orient(port, id, o))
		}
	}
	return pairs
}

func orient(port int, mine, other int32) pair {
	if port == 0 {
		return pair{left: mine, right: other}
	}
	return pair{left: other, right: mine}
}

// emitPairs builds the output rows of pairs, applies the residual predicate and marks the left
// rows that matched.
func (j *intervalJoin) emitPairs(ctx *Context, pairs []pair) error {
	if len(pairs) == 0 {
		return nil
	}
	rb := newRowBuilder(j.schema, len(pairs))
	origin := j.originOf(pairs[0].left)
	for _, p := range pairs {
		j.appendPair(rb, origin, p)
	}
	out := rb.batch()
	out.Origin = origin.get()
	sel, err := applyResidual(ctx, j.residual, out)
	if err != nil {
		return err
	}
	for _, k := range sel {
		j.sides[0].rows[pairs[k].left].matched = true
	}
	if len(sel) < out.Len {
		out = out.Select(sel)
	}
	return ctx.Emit(out)
}

// applyResidual returns the rows of out where the residual predicate holds (all without one).
func applyResidual(ctx *Context, residual *expr, out *types.Batch) ([]int, error) {
	if residual == nil {
		return firstN(out.Len), nil
	}
	v, _, err := residual.eval(out)
	if err != nil {
		return nil, err
	}
	sel := trueRows(v, out.Len, nil)
	ctx.Filtered(out.Len - len(sel))
	return sel, nil
}

// originOf starts collecting the origins of output rows from left entry id.
func (j *intervalJoin) originOf(id int32) *originBuilder {
	return newOriginBuilder(j.sides[0].rows[id].b.Origin)
}

// appendLeft appends left row l's columns, watermark and origin.
func appendLeft(rb *rowBuilder, origin *originBuilder, l joinRow) {
	rb.appendRow(0, l.b, int(l.row))
	rb.wm = append(rb.wm, rowWatermark(l.b, int(l.row)))
	origin.add(l.b.Origin, int(l.row))
}

func (j *intervalJoin) appendPair(rb *rowBuilder, origin *originBuilder, p pair) {
	l := j.sides[0].rows[p.left]
	appendLeft(rb, origin, l)
	if p.right < 0 {
		rb.appendNulls(l.b.Schema.Len(), len(rb.cols))
	} else {
		r := j.sides[1].rows[p.right]
		rb.appendRow(len(l.b.Cols), r.b, int(r.row))
	}
	rb.time = append(rb.time, l.t)
}

// Watermark frees the rows that can no longer match (LEFT JOIN emits its unmatched left rows)
// and forwards wm minus Within.
func (j *intervalJoin) Watermark(ctx *Context, wm int64) (int64, error) {
	j.wm = wm
	j.sides[1].expire(j.op.Within, wm)
	gone := j.sides[0].expire(j.op.Within, wm)
	out := max(types.MinTime, wm-j.op.Within)
	if j.op.Kind != plan.LeftJoin {
		return out, nil
	}
	return out, ctx.Emit(j.unmatched(gone))
}

// unmatched returns the rows of the left entries gone that matched nothing, right columns NULL.
func (j *intervalJoin) unmatched(gone []joinRow) *types.Batch {
	rb := newRowBuilder(j.schema, 0)
	var origin *originBuilder
	for _, r := range gone {
		if r.matched {
			continue
		}
		if origin == nil {
			origin = newOriginBuilder(r.b.Origin)
		}
		appendLeft(rb, origin, r)
		rb.appendNulls(len(r.b.Cols), len(rb.cols))
		rb.time = append(rb.time, r.t)
	}
	out := rb.batch()
	if origin != nil {
		out.Origin = origin.get()
	}
	return out
}

func (j *intervalJoin) Finish(*Context) error { return nil }

// Retains implements Retainer: a side keeps its rows until the watermark passes time + Within.
func (j *intervalJoin) Retains(port int, t int64) bool {
	e := j.sides[port].expiry
	return len(e) > 0 && e[0].t <= t
}

func (j *intervalJoin) State() StateInfo {
	return StateInfo{Kind: "both sides within " + fmtDuration(j.op.Within), Entries: j.sides[0].live + j.sides[1].live}
}
