package executor

import (
	"context"
	"fmt"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// wmSink records the watermarks it is given.
type wmSink struct {
	memSink
	marks []int64
}

func (s *wmSink) Watermark(_ context.Context, wm int64) error {
	s.marks = append(s.marks, wm)
	return nil
}

func TestSharedSinkGetsTheMinimumOfItsWriters(t *testing.T) {
	ws := &wmSink{}
	sh := &sharedSink{s: ws, writers: 2, marks: []int64{types.MinTime, types.MinTime}, sent: types.MinTime}
	ctx := context.Background()
	for _, step := range []struct {
		writer int
		wm     int64
	}{{0, 10}, {1, 5}, {1, 20}, {0, 8}, {0, 30}, {1, types.MaxTime}, {0, types.MaxTime}} {
		if err := sh.Watermark(ctx, step.writer, step.wm); err != nil {
			t.Fatal(err)
		}
	}
	if got := fmt.Sprint(ws.marks); got != fmt.Sprint([]int64{5, 10, 20, 30, types.MaxTime}) {
		t.Fatalf("watermarks %s", got)
	}
}

// wmSource computes its own watermarks (connectors.WatermarkEmitter): one batch whose first row
// comes from a partition that has no watermark yet, then an idle partition's advance.
type wmSource struct{ b *types.Batch }

func (s *wmSource) Run(_ context.Context, out connectors.Emitter) error {
	we := out.(connectors.WatermarkEmitter)
	if err := we.Emit(s.b); err != nil {
		return err
	}
	if err := we.Watermark(1500); err != nil { // not above the current watermark: ignored
		return err
	}
	return we.Watermark(5000)
}

func TestSourceComputedWatermarksAreKept(t *testing.T) {
	s := eventSchema(0)
	b := batchOf(s, "in", 1, row{"a", 1, 1000}, row{"b", 2, 3000})
	b.WM = []int64{types.MinTime, 2000}
	reg := newMemRegistry()
	reg.sources["in"] = &wmSource{b: b}
	ws := &wmSink{}
	reg.custom = map[string]connectors.Sink{"out": ws}
	if _, err := Run(context.Background(), dag(sourceNode("in", s, "mem"), sinkNode("out", s, 0)), quiet(Options{Registry: reg})); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(ws.marks); got != fmt.Sprint([]int64{2000, 5000, types.MaxTime}) {
		t.Errorf("watermarks %s, want the source's own (2000 after the batch, then 5000)", got)
	}
	if len(ws.batches) != 1 || fmt.Sprint(ws.batches[0].WM) != fmt.Sprint(b.WM) {
		t.Errorf("the batch's WM was not kept: %v", ws.batches)
	}
}
