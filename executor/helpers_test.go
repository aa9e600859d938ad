package executor

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/executor/watermark"
	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// Hand-built plans and in-memory connectors for the runtime's own tests.

// eventSchema is (k STRING, v BIGINT, ts TIMESTAMP) with event time ts and the given delay.
func eventSchema(delay int64) *types.Schema {
	return &types.Schema{Fields: []types.Field{{Name: "k", Type: types.String}, {Name: "v", Type: types.BigInt},
		{Name: "ts", Type: types.Timestamp}}, EventTime: true, TimeCol: 2, Delay: delay}
}

func col(i int, name string, t types.Type) *planner.ColumnRef {
	return &planner.ColumnRef{Index: i, Name: name, T: t}
}

func lit(v any, t types.Type) *planner.Literal { return &planner.Literal{Value: v, T: t} }

func call(fn string, t types.Type, args ...planner.Expr) *planner.Call {
	return &planner.Call{Fn: fn, Args: args, T: t}
}

var (
	colK  = col(0, "k", types.String)
	colV  = col(1, "v", types.BigInt)
	colTS = col(2, "ts", types.Timestamp)
)

// row is one input row of the event schema: key, value, event time (ms).
type row struct {
	k string
	v int64
	t int64
}

// batchOf builds a batch of the event schema; Origin says "name.jsonl:<line>" from line first.
func batchOf(s *types.Schema, name string, first int64, rows ...row) *types.Batch {
	b := types.NewBatch(s, len(rows))
	o := &types.Origin{Source: name, Prefix: name + ".jsonl:"}
	for i, r := range rows {
		b.Cols[0].AppendValue(r.k)
		b.Cols[1].AppendValue(r.v)
		b.Cols[2].AppendValue(r.t)
		b.Time = append(b.Time, r.t)
		o.Pos = append(o.Pos, first+int64(i))
		o.Raw = append(o.Raw, []byte(fmt.Sprintf("%s,%d,%d", r.k, r.v, r.t)))
	}
	b.Len, b.Origin = len(rows), o
	return b
}

// dag builds a plan from nodes given in order (IDs are set from positions).
func dag(nodes ...*planner.Node) *planner.DAG {
	for i, n := range nodes {
		n.ID = i
	}
	return &planner.DAG{Nodes: nodes}
}

func sourceNode(name string, s *types.Schema, connector string) *planner.Node {
	return &planner.Node{Name: name, Schema: s, Op: &planner.SourceOp{Stream: name, Connector: connector, Options: map[string]string{}}}
}

func sinkNode(name string, s *types.Schema, input int) *planner.Node {
	return &planner.Node{Name: name, Schema: s, Inputs: []int{input}, Op: &planner.SinkOp{Sink: name, Connector: "mem"}}
}

// memRegistry serves in-memory sources (by stream name), sinks (by sink name) and error sinks.
type memRegistry struct {
	mu      sync.Mutex
	sources map[string]connectors.Source
	sinks   map[string]*memSink
	custom  map[string]connectors.Sink // sinks given by the test, by name
	errs    map[string]*memErrors
}

func newMemRegistry() *memRegistry {
	return &memRegistry{sources: map[string]connectors.Source{}, sinks: map[string]*memSink{}, errs: map[string]*memErrors{}}
}

func (r *memRegistry) NewSource(_ string, cfg connectors.SourceConfig) (connectors.Source, error) {
	if s, ok := r.sources[cfg.Stream]; ok {
		return s, nil
	}
	return nil, fmt.Errorf("no source %s", cfg.Stream)
}

func (r *memRegistry) NewSink(_ string, cfg connectors.SinkConfig) (connectors.Sink, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.custom[cfg.Sink]; ok {
		return c, nil
	}
	s, ok := r.sinks[cfg.Sink]
	if !ok {
		s = &memSink{}
		r.sinks[cfg.Sink] = s
	}
	return s, nil
}

func (r *memRegistry) NewErrorSink(uri, _ string) (connectors.ErrorSink, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := &memErrors{}
	r.errs[uri] = e
	return e, nil
}

func (r *memRegistry) sink(name string) *memSink {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sinks[name]
}

// memSource emits its batches in order, then ends (or, unbounded, waits for cancellation).
type memSource struct {
	batches   []*types.Batch
	rejects   []connectors.ErrorRecord
	unbounded bool
	emitted   chan int  // receives the index of each batch emitted, when set
	before    func(int) // called before emitting batch i, when set
}

func (s *memSource) Run(ctx context.Context, out connectors.Emitter) error {
	for _, r := range s.rejects {
		out.Reject(r)
	}
	for i, b := range s.batches {
		if s.before != nil {
			s.before(i)
		}
		if err := out.Emit(b); err != nil {
			return err
		}
		if s.emitted != nil {
			s.emitted <- i
		}
	}
	if s.unbounded {
		<-ctx.Done()
		return ctx.Err()
	}
	return nil
}

// memSink records what it is given.
type memSink struct {
	mu      sync.Mutex
	batches []*types.Batch
	closed  bool
	failOn  int // fail the write of batch number failOn (1-based); 0: never
	onWrite func()
}

func (s *memSink) Write(_ context.Context, b *types.Batch) error {
	if s.onWrite != nil {
		s.onWrite()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failOn > 0 && len(s.batches)+1 == s.failOn {
		return errors.New("disk full")
	}
	s.batches = append(s.batches, b)
	return nil
}

func (s *memSink) Close(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

// lines prints every row written, in order, as "v1 v2 ... @time".
func (s *memSink) lines() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return batchLines(s.batches)
}

func batchLines(bs []*types.Batch) []string {
	var out []string
	for _, b := range bs {
		for i := range b.Len {
			out = append(out, rowLine(b, i))
		}
	}
	return out
}

func rowLine(b *types.Batch, i int) string {
	parts := make([]string, len(b.Cols))
	for c, v := range b.Cols {
		parts[c] = valueString(v.Value(i), v.Type)
	}
	return strings.Join(parts, " ") + " @" + timeString(b.Time[i])
}

func valueString(x any, t types.Type) string {
	if x == nil {
		return "NULL"
	}
	if t.Kind == types.KindTimestamp {
		return timeString(x.(int64))
	}
	return fmt.Sprint(x)
}

// timeString prints test times, which are small numbers of ms.
func timeString(t int64) string {
	switch t {
	case types.MaxTime:
		return "+inf"
	case types.MinTime:
		return "-inf"
	}
	return fmt.Sprint(t)
}

// memErrors records error records.
type memErrors struct {
	mu   sync.Mutex
	recs []connectors.ErrorRecord
}

func (e *memErrors) Write(rec connectors.ErrorRecord) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.recs = append(e.recs, rec)
	return nil
}

func (e *memErrors) Close() error { return nil }

func (e *memErrors) lines() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for _, r := range e.recs {
		out = append(out, fmt.Sprintf("%s %s %s %s", r.Source, r.Reason, r.Position, r.Raw))
	}
	return out
}

// harness drives one operator through the real task logic (ports, watermarks, ends) without
// goroutines, stamping input batches with per-port watermarks as a source would.
type harness struct {
	t     *testing.T
	task  *opTask
	coll  *inbox
	gens  []*watermark.Generator
	out   []string
	rt    *runtime
	clock *manualClock   // the task's clock (0 at the start)
	outs  []*types.Batch // every batch emitted
	done  bool           // the task said it has nothing left to do: later messages are not delivered
}

func newHarness(t *testing.T, n *planner.Node, inputs ...*planner.Node) *harness {
	t.Helper()
	op, err := NewOperator(n, inputs)
	if err != nil {
		t.Fatalf("NewOperator: %v", err)
	}
	return harnessFor(t, n, op, inputs)
}

func harnessFor(t *testing.T, n *planner.Node, op Operator, inputs []*planner.Node) *harness {
	d := dag(append(append([]*planner.Node{}, inputs...), n)...)
	clock := &manualClock{}
	rt := newRuntime(d, Options{Clock: clock, Logf: func(string, ...any) {}}.withDefaults())
	h := &harness{t: t, task: newOpTask(n, op, rt), coll: newInbox(1 << 16), rt: rt, clock: clock}
	for _, in := range inputs {
		h.gens = append(h.gens, watermark.NewGenerator(in.Schema.Delay))
	}
	h.task.out.add(h.coll, 0)
	h.task.octx.Ctx = context.Background()
	h.task.octx.emit = func(b *types.Batch) error {
		return h.task.out.send(context.Background(), message{kind: msgBatch, batch: b})
	}
	return h
}

type fixedClock int64

func (c fixedClock) Now() int64 { return int64(c) }

// feed sends b on port (its WM stamped by the port's generator), then the port's watermark.
func (h *harness) feed(port int, b *types.Batch) {
	h.t.Helper()
	nb := *b
	nb.WM = make([]int64, b.Len)
	h.gens[port].Stamp(nb.Time, nb.WM)
	h.send(message{port: port, kind: msgBatch, batch: &nb})
	h.send(message{port: port, kind: msgWatermark, wm: h.gens[port].Current()})
}

func (h *harness) watermark(port int, wm int64) {
	h.send(message{port: port, kind: msgWatermark, wm: wm})
}

func (h *harness) end(port int) { h.send(message{port: port, kind: msgEnd}) }

func (h *harness) caughtUp(port int) { h.send(message{port: port, kind: msgCaughtUp}) }

// idleTick sets the clock to now and looks for idle inputs, as the task's ticker does.
func (h *harness) idleTick(now int64) {
	h.t.Helper()
	h.clock.now.Store(now)
	if err := h.task.markIdle(); err != nil {
		h.t.Fatalf("markIdle: %v", err)
	}
	h.drain()
}

// barrier sends an acknowledgement barrier on port; the output shows "barrier" when it passes.
func (h *harness) barrier(port int) *barrier {
	b := h.rt.acks.newBarrier()
	h.send(message{port: port, kind: msgBarrier, bar: b})
	return b
}

func (h *harness) send(m message) {
	h.t.Helper()
	if h.done {
		return
	}
	done, err := h.task.handle(m)
	if err != nil {
		h.t.Fatalf("handle: %v", err)
	}
	h.done = done
	h.drain()
}

// drain collects what the operator emitted: rows, then "wm=" for forwarded watermarks.
func (h *harness) drain() {
	for {
		select {
		case m := <-h.coll.ch:
			switch m.kind {
			case msgBatch:
				h.out = append(h.out, batchLines([]*types.Batch{m.batch})...)
				h.outs = append(h.outs, m.batch)
			case msgWatermark:
				h.out = append(h.out, "wm="+timeString(m.wm))
			case msgEnd:
				h.out = append(h.out, "end")
			case msgBarrier:
				h.out = append(h.out, "barrier")
			}
		default:
			return
		}
	}
}

func (h *harness) check(want ...string) {
	h.t.Helper()
	if got := strings.Join(h.out, "\n"); got != strings.Join(want, "\n") {
		h.t.Fatalf("output:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	h.out = nil
}
