package executor

import (
	"fmt"

	"github.com/sluicedata/sluice/executor/state"
	"github.com/sluicedata/sluice/types"
)

// limit passes the first n rows, then ends its output: its query is done, and upstream tasks
// that feed nothing else stop (an unbounded source is cancelled).
type limit struct {
	n, seen int64
}

func (l *limit) Process(ctx *Context, _ int, b *types.Batch) error {
	left := l.n - l.seen
	if left <= 0 {
		ctx.EndOutput()
		return nil
	}
	if int64(b.Len) > left {
		b = b.Select(firstN(int(left)))
	}
	l.seen += int64(b.Len)
	err := ctx.Emit(b)
	if l.seen >= l.n {
		ctx.EndOutput()
	}
	return err
}

func firstN(n int) []int {
	sel := make([]int, n)
	for i := range sel {
		sel[i] = i
	}
	return sel
}

func (l *limit) Watermark(_ *Context, wm int64) (int64, error) { return wm, nil }
func (l *limit) Finish(*Context) error                         { return nil }
func (l *limit) State() StateInfo                              { return StateInfo{Kind: "row count", Entries: 1} }

func (l *limit) Snapshot() ([]byte, error) {
	var e state.Encoder
	e.Int(l.seen)
	return e.Bytes(), nil
}

func (l *limit) Restore(b []byte) error {
	d := state.NewDecoder(b)
	l.seen = d.Int()
	if err := d.Done(); err != nil {
		return fmt.Errorf("limit: %w", err)
	}
	return nil
}
