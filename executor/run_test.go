package executor

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

func quiet(o Options) Options {
	o.Logf = func(string, ...any) {}
	return o
}

// chunks cuts rows into batches of n rows (lines numbered from 1).
func chunks(s *types.Schema, name string, n int, rows []row) []*types.Batch {
	var out []*types.Batch
	for i := 0; i < len(rows); i += n {
		out = append(out, batchOf(s, name, int64(i+1), rows[i:min(i+n, len(rows))]...))
	}
	return out
}

// unordered events with rows late under a 3 ms delay.
var unordered = []row{{"a", 1, 1}, {"b", 2, 3}, {"a", 3, 9}, {"a", 4, 11}, {"b", 5, 8}, {"c", 6, 13},
	{"a", 7, 7}, {"b", 8, 25}, {"c", 9, 19}, {"c", 10, 23}, {"a", 11, 24}, {"b", 12, 40}, {"b", 13, 36}, {"a", 14, 2}}

// TestBatchingDoesNotChangeResults runs stateful operators over the same rows cut into batches of
// different sizes: lateness is judged per row (Batch.WM), so outputs and late rows are the same.
func TestBatchingDoesNotChangeResults(t *testing.T) {
	plans := map[string]func() *planner.Node{
		"dedup": func() *planner.Node {
			return &planner.Node{Inputs: []int{0}, Schema: eventSchema(3), Op: &planner.DedupOp{Keys: []planner.Expr{colK}, Within: 5}}
		},
	}
	for name, w := range map[string]*planner.Window{"running": nil, "tumbling": {Kind: planner.Tumbling, Size: 10},
		"hopping": {Kind: planner.Hopping, Size: 10, Advance: 4, Grace: 1}, "session": {Kind: planner.Session, Gap: 4}} {
		for _, emit := range []planner.Emit{planner.EmitFinal, planner.EmitChanges} {
			plans[name+"/"+emit.String()] = func() *planner.Node { n, _ := aggNode(w, emit); return n }
		}
	}
	for name, plan := range plans {
		t.Run(name, func(t *testing.T) {
			var want string
			for _, size := range []int{len(unordered), 1, 2, 5} {
				got := runChunked(t, plan(), size)
				if want == "" {
					want = got
				} else if got != want {
					t.Fatalf("batches of %d rows:\n%s\nwant (one batch):\n%s", size, got, want)
				}
			}
			if !strings.Contains(want, "late") && !strings.HasPrefix(name, "running") && name != "dedup" {
				t.Fatalf("the case has no late row:\n%s", want)
			}
		})
	}
}

func runChunked(t *testing.T, n *planner.Node, size int) string {
	s := eventSchema(3)
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", size, unordered)}
	d := dag(sourceNode("ev", s, "file"), n, sinkNode("out", n.Schema, 1))
	d.Nodes[0].Op.(*planner.SourceOp).Options["error_sink"] = "mem://errors"
	if _, err := Run(context.Background(), d, quiet(Options{Registry: reg})); err != nil {
		t.Fatal(err)
	}
	return strings.Join(append(reg.sink("out").lines(), reg.errs["mem://errors"].lines()...), "\n")
}

func simplePlan(s *types.Schema) *planner.DAG {
	pred := call(">", types.Bool, colV, lit(int64(2), types.BigInt))
	return dag(sourceNode("ev", s, "file"), &planner.Node{Inputs: []int{0}, Schema: s, Op: &planner.FilterOp{Pred: pred}},
		sinkNode("out", s, 1))
}

func TestRowsInEqualRowsOutPlusFiltered(t *testing.T) {
	s := eventSchema(0)
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", 4, unordered)}
	stats, err := Run(context.Background(), simplePlan(s), quiet(Options{Registry: reg}))
	if err != nil {
		t.Fatal(err)
	}
	snap := stats.Snapshot()
	if snap.RowsRead["ev"] != 14 || snap.RowsWritten["out"] != 12 || snap.Filtered != 2 || snap.Watermark != types.MaxTime {
		t.Fatalf("counters %+v", snap)
	}
	if !reg.sink("out").closed {
		t.Fatal("the sink is closed at the end of input")
	}
}

// TestFanOutReadsSourceOnce: two sinks read one source; both get the same (shared) batches.
func TestFanOutReadsSourceOnce(t *testing.T) {
	s := eventSchema(0)
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", 5, unordered)}
	d := dag(sourceNode("ev", s, "file"), sinkNode("one", s, 0), sinkNode("two", s, 0))
	stats, err := Run(context.Background(), d, quiet(Options{Registry: reg}))
	if err != nil {
		t.Fatal(err)
	}
	one, two := reg.sink("one"), reg.sink("two")
	if stats.RowsRead["ev"].Load() != 14 || len(one.batches) != 3 || len(two.batches) != 3 {
		t.Fatalf("read %d, batches %d and %d", stats.RowsRead["ev"].Load(), len(one.batches), len(two.batches))
	}
	for i := range one.batches {
		if one.batches[i] != two.batches[i] {
			t.Fatal("fan-out shares batches instead of copying them")
		}
	}
}

func TestSinkErrorStopsRunAndNamesSink(t *testing.T) {
	s := eventSchema(0)
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", 1, unordered), unbounded: true}
	reg.sinks["out"] = &memSink{failOn: 3}
	_, err := Run(context.Background(), simplePlan(s), quiet(Options{Registry: reg}))
	if err == nil || err.Error() != `sink "out": disk full` {
		t.Fatalf("error %v", err)
	}
	if !reg.sink("out").closed {
		t.Fatal("a failed run still closes its sinks")
	}
}

func TestBuildErrorNamesNode(t *testing.T) {
	s := eventSchema(0)
	bad := &planner.Node{Inputs: []int{0}, Schema: s, Op: &planner.FilterOp{Pred: call("no_such_fn", types.Bool)}}
	d := dag(sourceNode("ev", s, "file"), bad, sinkNode("out", s, 1))
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{}
	_, err := Run(context.Background(), d, quiet(Options{Registry: reg}))
	if err == nil || !strings.HasPrefix(err.Error(), "Filter (node 1): ") {
		t.Fatalf("error %v", err)
	}
	d.Nodes[2].Inputs = []int{2}
	if _, err := Run(context.Background(), d, quiet(Options{Registry: reg})); err == nil || !strings.Contains(err.Error(), "does not come before it") {
		t.Fatalf("error %v", err)
	}
}

func TestCancelStopsRunAndClosesSinks(t *testing.T) {
	s := eventSchema(0)
	reg := newMemRegistry()
	emitted := make(chan int, 16)
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", 5, unordered), unbounded: true, emitted: emitted}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for i := range emitted {
			if i == 2 {
				cancel()
			}
		}
	}()
	_, err := Run(ctx, simplePlan(s), quiet(Options{Registry: reg}))
	close(emitted)
	if !errors.Is(err, context.Canceled) || !reg.sink("out").closed {
		t.Fatalf("error %v, sink closed %v", err, reg.sink("out").closed)
	}
}

// TestBackpressure: a slow sink holds the source back: it never runs more than the channels
// hold ahead of what was written.
func TestBackpressure(t *testing.T) {
	s := eventSchema(0)
	rows := make([]row, 200)
	for i := range rows {
		rows[i] = row{"k", int64(i), int64(i)}
	}
	emitted := make(chan int, 1000)
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", 1, rows), emitted: emitted}
	var maxLead atomic.Int64
	sink := &memSink{}
	sink.onWrite = func() {
		time.Sleep(100 * time.Microsecond)
		sink.mu.Lock()
		lead := int64(len(emitted)) - int64(len(sink.batches))
		sink.mu.Unlock()
		if lead > maxLead.Load() {
			maxLead.Store(lead)
		}
	}
	reg.sinks["out"] = sink
	if _, err := Run(context.Background(), simplePlan(s), quiet(Options{Registry: reg, ChannelSize: 2})); err != nil {
		t.Fatal(err)
	}
	// two hops of 2 messages (a batch and a watermark each) plus the batches being handled
	if l := maxLead.Load(); l > 6 {
		t.Fatalf("the source ran %d batches ahead of the sink", l)
	}
}

// manualClock is a clock that tests move.
type manualClock struct{ now atomic.Int64 }

func (c *manualClock) Now() int64 { return c.now.Load() }

// TestProcessingTimeWindowClosesWhileIdle: without event time, the watermark follows the clock
// even when no row arrives, so windows close while the (unbounded) source is idle.
func TestProcessingTimeWindowClosesWhileIdle(t *testing.T) {
	s := eventSchema(0)
	s.EventTime, s.TimeCol = false, -1
	n, _ := aggNode(&planner.Window{Kind: planner.Tumbling, Size: 1000}, planner.EmitFinal)
	clock := &manualClock{}
	clock.now.Store(500)
	reg := newMemRegistry()
	emitted := make(chan int, 2)
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", 2, unordered[:3]), unbounded: true, emitted: emitted}
	written := make(chan struct{})
	sink := &memSink{}
	sink.onWrite = func() { close(written) }
	reg.sinks["out"] = sink
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := Run(ctx, dag(sourceNode("ev", s, "mem"), n, sinkNode("out", n.Schema, 1)),
			quiet(Options{Registry: reg, Clock: clock, WatermarkInterval: 5 * time.Millisecond}))
		done <- err
	}()
	<-emitted
	<-emitted // both batches arrived at 500
	clock.now.Store(1000)
	select {
	case <-written:
	case <-time.After(5 * time.Second):
		t.Fatal("the window did not close while the source was idle")
	}
	cancel()
	<-done
	if got := fmt.Sprint(sink.lines()); got != "[a 0 1000 2 4 @999 b 0 1000 1 2 @999]" {
		t.Fatalf("rows %s", got)
	}
}

// TestLookupJoinUnboundedTableCatchesUpWhenIdle: an unbounded table without event time is
// caught up once it has emitted and then stayed idle an interval; stream rows wait for it.
func TestLookupJoinUnboundedTableCatchesUpWhenIdle(t *testing.T) {
	n, sn, tn := tableNodes(planner.InnerJoin, false)
	tn.Op.(*planner.SourceOp).Connector = "mem" // not a bounded connector
	reg := newMemRegistry()
	reg.sources["s"] = &memSource{batches: chunks(sn.Schema, "s", 2, []row{{"a", 1, 5}, {"b", 2, 6}})}
	reg.sources["t"] = &memSource{batches: chunks(tn.Schema, "t", 1, []row{{"a", 10, 0}, {"b", 20, 0}}), unbounded: true}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	sink := &memSink{}
	sink.onWrite = cancel
	reg.sinks["out"] = sink
	_, err := Run(ctx, dag(sn, tn, n, sinkNode("out", n.Schema, 2)),
		quiet(Options{Registry: reg, WatermarkInterval: 5 * time.Millisecond}))
	if got := fmt.Sprint(sink.lines()); got != "[a 1 5 a 10 0 @5 b 2 6 b 20 0 @6]" || !errors.Is(err, context.Canceled) {
		t.Fatalf("rows %s, error %v", got, err)
	}
}

func TestLimitStopsUnboundedSource(t *testing.T) {
	s := eventSchema(0)
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", 2, unordered), unbounded: true}
	d := dag(sourceNode("ev", s, "mem"), &planner.Node{Inputs: []int{0}, Schema: s, Op: &planner.LimitOp{N: 3}}, sinkNode("out", s, 1))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := Run(ctx, d, quiet(Options{Registry: reg})); err != nil {
		t.Fatal(err)
	}
	if got := len(reg.sink("out").lines()); got != 3 || !reg.sink("out").closed {
		t.Fatalf("%d rows", got)
	}
}

func TestNodesThatReachNoSinkDoNotRun(t *testing.T) {
	s := eventSchema(0)
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{unbounded: true}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := Run(ctx, dag(sourceNode("ev", s, "mem")), quiet(Options{Registry: reg})); err != nil {
		t.Fatal(err)
	}
}

func TestRejectsCountedLoggedAndStored(t *testing.T) {
	s := eventSchema(0)
	var recs []connectors.ErrorRecord
	for i := range 100 {
		recs = append(recs, connectors.ErrorRecord{Reason: connectors.ReasonDecode, Position: fmt.Sprint("ev.jsonl:", i+1), Raw: []byte("{")})
	}
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{rejects: recs, batches: chunks(s, "ev", 5, unordered)}
	var mu sync.Mutex
	var logged []string
	opts := Options{Registry: reg, Logf: func(f string, a ...any) {
		mu.Lock()
		logged = append(logged, fmt.Sprintf(f, a...))
		mu.Unlock()
	}}
	stats, err := Run(context.Background(), simplePlan(s), opts)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Errors("decode") != 100 || len(logged) != 11 || logged[10] != "ev: dropped decode record #100 at ev.jsonl:100: " {
		t.Fatalf("decode errors %d, logged %d: %q", stats.Errors("decode"), len(logged), logged)
	}
	d := simplePlan(s)
	d.Nodes[0].Op.(*planner.SourceOp).Options["error_sink"] = "mem://errors"
	if _, err := Run(context.Background(), d, quiet(opts)); err != nil {
		t.Fatal(err)
	}
	if got := reg.errs["mem://errors"].lines(); len(got) != 100 || got[0] != "ev decode ev.jsonl:1 {" {
		t.Fatalf("error records %q", got)
	}
}

func TestProgressReports(t *testing.T) {
	s := eventSchema(0)
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", 5, unordered)}
	var last Snapshot
	var calls int
	_, err := Run(context.Background(), simplePlan(s), quiet(Options{Registry: reg, Progress: func(s Snapshot) { last = s; calls++ }}))
	if err != nil || calls == 0 || last.RowsWritten["out"] != 12 || last.Nodes[1].RowsIn != 14 || last.Nodes[1].RowsOut != 12 {
		t.Fatalf("err %v, %d calls, last %+v", err, calls, last)
	}
}

// panicky is an operator with a bug.
type panicky struct{ stateless }

func (panicky) Process(*Context, int, *types.Batch) error { panic("index out of range") }

func TestPanicBecomesErrorNamingNode(t *testing.T) {
	s := eventSchema(0)
	d := dag(sourceNode("ev", s, "file"), &planner.Node{Inputs: []int{0}, Schema: s, Op: &planner.LimitOp{N: 1}}, sinkNode("out", s, 1))
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{batches: chunks(s, "ev", 2, unordered)}
	rt := newRuntime(d, quiet(Options{Registry: reg}).withDefaults())
	if err := rt.build(d); err != nil {
		t.Fatal(err)
	}
	rt.tasks[1].(*opTask).op = panicky{}
	if err := rt.run(context.Background()); err == nil || err.Error() != "Limit (node 1): internal error: index out of range" {
		t.Fatalf("error %v", err)
	}
}

// reportingSource says when it has caught up.
type reportingSource struct {
	memSource
	caught chan struct{}
}

func (r *reportingSource) CaughtUp() <-chan struct{} { return r.caught }

func TestCatchUpReporterDecidesWhenTheTableIsLoaded(t *testing.T) {
	n, sn, tn := tableNodes(planner.InnerJoin, false)
	tn.Op.(*planner.SourceOp).Connector = "mem"
	reg := newMemRegistry()
	reg.sources["s"] = &memSource{batches: chunks(sn.Schema, "s", 2, []row{{"a", 1, 5}})}
	emitted := make(chan int, 2)
	table := &reportingSource{caught: make(chan struct{})}
	table.batches, table.unbounded, table.emitted = chunks(tn.Schema, "t", 1, []row{{"a", 10, 0}, {"a", 20, 0}}), true, emitted
	reg.sources["t"] = table
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	sink := &memSink{}
	sink.onWrite = cancel
	reg.sinks["out"] = sink
	table.before = func(i int) {
		if i == 1 {
			time.Sleep(30 * time.Millisecond) // idle intervals pass: only the reporter decides
		}
	}
	go func() {
		<-emitted
		<-emitted
		close(table.caught)
	}()
	Run(ctx, dag(sn, tn, n, sinkNode("out", n.Schema, 2)), quiet(Options{Registry: reg, WatermarkInterval: time.Millisecond}))
	if got := fmt.Sprint(sink.lines()); got != "[a 1 5 a 20 0 @5]" {
		t.Fatalf("rows %s", got)
	}
}

func TestBuildErrorClosesSinksAlreadyOpen(t *testing.T) {
	s := eventSchema(0)
	bad := &planner.Node{Inputs: []int{0}, Schema: s, Op: &planner.FilterOp{Pred: call("no_such_fn", types.Bool)}}
	d := dag(sourceNode("ev", s, "file"), sinkNode("first", s, 0), bad, sinkNode("out", s, 2))
	reg := newMemRegistry()
	reg.sources["ev"] = &memSource{}
	if _, err := Run(context.Background(), d, quiet(Options{Registry: reg})); err == nil {
		t.Fatal("no error")
	}
	if !reg.sink("first").closed {
		t.Fatal("the sink opened before the error is closed")
	}
}
