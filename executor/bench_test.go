package executor

import (
	"context"
	"fmt"
	"testing"

	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

const benchBatch = 1024

// benchInput is a stream of batches over the event schema: keys cycle through nkeys, times advance
// by step ms per row; each batch shares the key and value columns of a template.
type benchInput struct {
	schema *types.Schema
	tmpl   *types.Batch
	keys   []string // the key pool, cycled through
	step   int64
	next   int64
	gen    *watermark.Generator
}

func newBenchInput(nkeys int, step int64) *benchInput {
	s := eventSchema(0)
	b := types.NewBatch(s, benchBatch)
	for i := range benchBatch {
		b.Cols[0].AppendValue("")
		b.Cols[1].AppendValue(int64(i))
		b.Cols[2].AppendValue(int64(0))
	}
	b.Len = benchBatch
	keys := make([]string, nkeys)
	for i := range keys {
		keys[i] = fmt.Sprintf("key-%d", (i*7919)%nkeys)
	}
	return &benchInput{schema: s, tmpl: b, keys: keys, step: step, gen: watermark.NewGenerator(0)}
}

// batch returns batch number n: keys cycle through the pool, or are all new (never seen before)
// when fresh is set (dedup over many keys).
func (in *benchInput) batch(fresh bool, n int) *types.Batch {
	b := *in.tmpl
	b.Time, b.WM = make([]int64, benchBatch), make([]int64, benchBatch)
	for i := range b.Time {
		b.Time[i] = in.next
		in.next += in.step
	}
	keys := freshKeys(n)
	if !fresh {
		keys = in.poolKeys(n)
	}
	b.Cols = []*types.Vector{keys, in.tmpl.Cols[1], in.tmpl.Cols[2]}
	in.gen.Stamp(b.Time, b.WM)
	return &b
}

func (in *benchInput) poolKeys(n int) *types.Vector {
	v := types.NewVector(types.String, benchBatch)
	for i := range benchBatch {
		v.Str = append(v.Str, in.keys[(n*benchBatch+i)%len(in.keys)])
	}
	return v
}

func freshKeys(n int) *types.Vector {
	v := types.NewVector(types.String, benchBatch)
	for i := range benchBatch {
		v.Str = append(v.Str, fmt.Sprintf("id-%d", n*benchBatch+i))
	}
	return v
}

// benchContext discards output, counting rows.
func benchContext(n *planner.Node, d *planner.DAG) (*Context, *int) {
	var rows int
	stats := newStats(d)
	return &Context{Ctx: context.Background(), node: n, stats: stats, clock: fixedClock(0),
		marks: watermark.NewTracker(len(n.Inputs)), caught: make([]bool, len(n.Inputs)),
		rejects: newRejects(stats, fixedClock(0), func(string, ...any) {}),
		emit:    func(b *types.Batch) error { rows += b.Len; return nil }}, &rows
}

// runBench feeds b.N batches (and a watermark after each) to op and reports events/s.
func runBench(b *testing.B, n *planner.Node, inputs []*planner.Node, in *benchInput, fresh bool) {
	op, err := NewOperator(n, inputs)
	if err != nil {
		b.Fatal(err)
	}
	ctx, _ := benchContext(n, dag(append(append([]*planner.Node{}, inputs...), n)...))
	batches := make([]*types.Batch, 64)
	b.ResetTimer()
	for i := range b.N {
		if i%len(batches) == 0 {
			b.StopTimer()
			for j := range batches {
				batches[j] = in.batch(fresh, i+j)
			}
			b.StartTimer()
		}
		bt := batches[i%len(batches)]
		if err := op.Process(ctx, 0, bt); err != nil {
			b.Fatal(err)
		}
		if _, err := op.Watermark(ctx, bt.WM[bt.Len-1]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*benchBatch/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkFilterProject(b *testing.B) {
	in := newBenchInput(1000, 1)
	src := sourceNode("ev", in.schema, "file")
	pred := call(">", types.Bool, colV, lit(int64(100), types.BigInt))
	f := &planner.Node{Inputs: []int{0}, Schema: in.schema, Op: &planner.FilterOp{Pred: pred}}
	ps := &types.Schema{Fields: []types.Field{{Name: "k", Type: types.String}, {Name: "v2", Type: types.BigInt}, {Name: "ts", Type: types.Timestamp}}}
	p := &planner.Node{Inputs: []int{1}, Schema: ps, Op: &planner.ProjectOp{Exprs: []planner.Expr{
		call("upper", types.String, colK), call("*", types.BigInt, colV, lit(int64(2), types.BigInt)), colTS}}}
	fop, _ := NewOperator(f, []*planner.Node{src})
	pop, err := NewOperator(p, []*planner.Node{f})
	if err != nil {
		b.Fatal(err)
	}
	d := dag(src, f, p)
	pctx, _ := benchContext(p, d)
	fctx, _ := benchContext(f, d)
	fctx.emit = func(bt *types.Batch) error { return pop.Process(pctx, 0, bt) }
	bt := in.batch(false, 0)
	b.ResetTimer()
	for range b.N {
		if err := fop.Process(fctx, 0, bt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*benchBatch/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkRunFilterProject is the same pipeline through Run: goroutines and channels included.
func BenchmarkRunFilterProject(b *testing.B) {
	in := newBenchInput(1000, 1)
	batches := make([]*types.Batch, b.N)
	for i := range batches {
		batches[i] = in.batch(false, 0)
	}
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{batches: batches}
	reg.sinks["out"] = &memSink{onWrite: func() {}}
	d := simplePlan(in.schema)
	b.ResetTimer()
	if _, err := Run(context.Background(), d, quiet(Options{Registry: reg})); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)*benchBatch/b.Elapsed().Seconds(), "rows/s")
}

func benchAgg(b *testing.B, w *planner.Window, emit planner.Emit, nkeys int, step int64) {
	n, src := aggNode(w, emit)
	in := newBenchInput(nkeys, step)
	src.Schema = in.schema
	runBench(b, n, []*planner.Node{src}, in, false)
}

func BenchmarkTumbling10kKeys(b *testing.B) {
	benchAgg(b, &planner.Window{Kind: planner.Tumbling, Size: 10_000}, planner.EmitFinal, 10_000, 1)
}

func BenchmarkTumbling10kKeysChanges(b *testing.B) {
	benchAgg(b, &planner.Window{Kind: planner.Tumbling, Size: 10_000}, planner.EmitChanges, 10_000, 1)
}

// BenchmarkHopping10Windows: every row falls in 10 windows (size/advance = 10); 1,000 keys, so
// each (key, window) group gets about 10 rows.
func BenchmarkHopping10Windows(b *testing.B) {
	benchAgg(b, &planner.Window{Kind: planner.Hopping, Size: 10_000, Advance: 1_000}, planner.EmitFinal, 1_000, 1)
}

// BenchmarkSession: 1,000 keys, a row per key every second, sessions closed by 5 s gaps that
// never come (each session grows until the end): the cost of finding and extending sessions.
func BenchmarkSession(b *testing.B) {
	benchAgg(b, &planner.Window{Kind: planner.Session, Gap: 5_000}, planner.EmitFinal, 1_000, 1)
}

func BenchmarkDedup1MKeys(b *testing.B) {
	in := newBenchInput(1, 1)
	src := sourceNode("ev", in.schema, "file")
	n := &planner.Node{Inputs: []int{0}, Schema: in.schema, Op: &planner.DedupOp{Keys: []planner.Expr{colK}}}
	// fresh keys per batch: after 1000 batches the state holds ~1 M keys
	runBench(b, n, []*planner.Node{src}, in, true)
}

func BenchmarkIntervalJoin(b *testing.B) {
	n, l, r := joinNodes(planner.InnerJoin, 1_000, nil)
	left, right := newBenchInput(10_000, 1), newBenchInput(10_000, 1)
	op, err := NewOperator(n, []*planner.Node{l, r})
	if err != nil {
		b.Fatal(err)
	}
	ctx, rows := benchContext(n, dag(l, r, n))
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		lb, rb := left.batch(false, i), right.batch(false, i)
		b.StartTimer()
		if op.Process(ctx, 0, lb) != nil || op.Process(ctx, 1, rb) != nil {
			b.Fatal("process")
		}
		ctx.marks.Advance(0, left.gen.Current())
		ctx.marks.Advance(1, right.gen.Current())
		if _, err := op.Watermark(ctx, ctx.marks.Min()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*2*benchBatch/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(*rows)/float64(b.N*2*benchBatch), "pairs/event")
}
