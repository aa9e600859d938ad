package executor

import (
	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// emit joins the given stream rows (in order) and emits the result.
func (l *lookupJoin) emit(ctx *Context, rows []waitingRow) error {
	if len(rows) == 0 {
		return nil
	}
	matches := l.probe(rows)
	out := l.build(rows, matches)
	if l.residual == nil {
		return ctx.Emit(dropUnmatched(out, matches, l.op.Kind))
	}
	sel, err := applyResidual(ctx, l.residual, out)
	if err != nil {
		return err
	}
	keepOnly(matches, sel)
	return ctx.Emit(dropUnmatched(l.build(rows, matches), matches, l.op.Kind))
}

// probe finds the table row of each stream row (nil: none).
func (l *lookupJoin) probe(rows []waitingRow) []*version {
	out := make([]*version, len(rows))
	for j, r := range rows {
		out[j] = l.lookup(r)
	}
	return out
}

// build makes the output rows: stream columns, then the matched table row or NULLs.
func (l *lookupJoin) build(rows []waitingRow, matches []*version) *types.Batch {
	rb := newRowBuilder(l.schema, len(rows))
	origin := sharedOrigin(rows)
	for j, r := range rows {
		i := int(r.row)
		rb.appendRow(0, r.b, i)
		if v := matches[j]; v != nil {
			rb.appendRow(len(r.b.Cols), v.b, int(v.row))
		} else {
			rb.appendNulls(len(r.b.Cols), len(rb.cols))
		}
		rb.time = append(rb.time, r.b.Time[i])
		rb.wm = append(rb.wm, rowWatermark(r.b, i))
		origin.add(r.b.Origin, i)
	}
	out := rb.batch()
	out.Origin = origin.get()
	return out
}

// rowWatermark is row i's own watermark (MinTime when its batch has none). A row that waited is
// not judged by the operator's later watermark: the forwarded watermark was held back for it.
func rowWatermark(b *types.Batch, i int) int64 {
	if b.WM == nil {
		return types.MinTime
	}
	return b.WM[i]
}

// keepOnly clears the matches of rows not in sel (the residual predicate failed).
func keepOnly(matches []*version, sel []int) {
	k := 0
	for j := range matches {
		if k < len(sel) && sel[k] == j {
			k++
			continue
		}
		matches[j] = nil
	}
}

// dropUnmatched removes the rows without match from an inner join's output.
func dropUnmatched(out *types.Batch, matches []*version, kind plan.JoinKind) *types.Batch {
	if kind == plan.LeftJoin {
		return out
	}
	var sel []int
	for j, m := range matches {
		if m != nil {
			sel = append(sel, j)
		}
	}
	if len(sel) == out.Len {
		return out
	}
	return out.Select(sel)
}

// originBuilder collects the origins of output rows when they all come from one source.
type originBuilder struct {
	o  *types.Origin
	ok bool
}

func sharedOrigin(rows []waitingRow) *originBuilder { return newOriginBuilder(rows[0].b.Origin) }

// newOriginBuilder starts collecting origins like first's.
func newOriginBuilder(first *types.Origin) *originBuilder {
	if first == nil {
		return &originBuilder{}
	}
	return &originBuilder{o: &types.Origin{Source: first.Source, Prefix: first.Prefix}, ok: true}
}

func (ob *originBuilder) add(o *types.Origin, i int) {
	if !ob.ok {
		return
	}
	if o == nil || o.Source != ob.o.Source || o.Prefix != ob.o.Prefix || i >= len(o.Pos) || i >= len(o.Raw) {
		ob.ok = false
		return
	}
	ob.o.Pos = append(ob.o.Pos, o.Pos[i])
	ob.o.Raw = append(ob.o.Raw, o.Raw[i])
}

func (ob *originBuilder) get() *types.Origin {
	if !ob.ok {
		return nil
	}
	return ob.o
}
