package kafka

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
	"github.com/sluicedata/sluice/types"
)

// collector is an Emitter that keeps what a source emits. With acks it also implements
// connectors.Acker (every Ack is granted at once) and connectors.WatermarkEmitter.
type collector struct {
	mu      sync.Mutex
	batches []*types.Batch
	rejects []connectors.ErrorRecord
	marks   []int64 // values given to Watermark
	rows    int
	onEmit  func(rows int) // called after each Emit with the total rows
}

func (c *collector) Emit(b *types.Batch) error {
	c.mu.Lock()
	c.batches = append(c.batches, b)
	c.rows += b.Len
	n, f := c.rows, c.onEmit
	c.mu.Unlock()
	if f != nil {
		f(n)
	}
	return nil
}

func (c *collector) Reject(rec connectors.ErrorRecord) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rejects = append(c.rejects, rec)
}

// acking is a collector whose runtime acknowledges and takes source watermarks.
type acking struct{ collector }

func (a *acking) Watermark(wm int64) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.marks = append(a.marks, wm)
	return nil
}

func (a *acking) Ack() <-chan error {
	ch := make(chan error, 1)
	ch <- nil
	return ch
}

// rows returns every emitted row as "col=value …" strings for the given columns, sorted.
func (c *collector) rowStrings(cols ...string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, b := range c.batches {
		for i := 0; i < b.Len; i++ {
			var parts []string
			for _, name := range cols {
				v := b.Cols[b.Schema.Index(name)].Value(i)
				parts = append(parts, fmt.Sprintf("%s=%v", name, v))
			}
			out = append(out, strings.Join(parts, " "))
		}
	}
	sort.Strings(out)
	return out
}

func (c *collector) total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rows
}

// ordersSchema is event_id, amount, ts with a watermark delay of 1 s, plus extra fields.
func ordersSchema(extra ...types.Field) *types.Schema {
	fields := append([]types.Field{
		{Name: "event_id", Type: types.String, NotNull: true},
		{Name: "amount", Type: types.Double},
		{Name: "ts", Type: types.Timestamp},
	}, extra...)
	return &types.Schema{Fields: fields, EventTime: true, TimeCol: 2, Delay: 1000}
}

func newSource(t *testing.T, s *types.Schema, opts map[string]string) *Source {
	t.Helper()
	src, err := NewSource(connectors.SourceConfig{Stream: "orders", Schema: s, Options: opts})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// runSource runs src until it returns (bounded) or d passes, and returns Run's error.
func runSource(t *testing.T, src *Source, out connectors.Emitter, d time.Duration) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return src.Run(ctx, out)
}

// orderLine is one JSON order.
func orderLine(i int, ts int64) string {
	return fmt.Sprintf(`{"event_id":"e%03d","amount":%d.5,"ts":%d}`, i, i, ts)
}

// quietLogs silences the connector's logs for the test and returns what was logged.
func quietLogs(t *testing.T) *logBuf {
	t.Helper()
	lb := &logBuf{}
	old := Logf
	Logf = lb.printf
	t.Cleanup(func() { Logf = old })
	return lb
}

type logBuf struct {
	mu    sync.Mutex
	lines []string
}

func (l *logBuf) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logBuf) contains(s string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, line := range l.lines {
		if strings.Contains(line, s) {
			return true
		}
	}
	return false
}

func (l *logBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

var _ = kafkatest.Start
