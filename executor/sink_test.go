package executor

import (
	"context"
	"fmt"
	"testing"

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
