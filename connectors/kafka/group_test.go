package kafka

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
	"github.com/sluicedata/sluice/types"
)

func produceOrders(t *testing.T, b *kafkatest.Broker, topic string, from, n int) {
	t.Helper()
	var keys, vals [][]byte
	for i := from; i < from+n; i++ {
		keys = append(keys, fmt.Appendf(nil, "k%d", i))
		vals = append(vals, []byte(orderLine(i, int64(i)*1000)))
	}
	b.MustProduce(t, topic, keys, vals)
}

// TestGroupBoundedReplayResumes replays a topic to its end in a group twice: the second replay
// reads only what was produced after the first one committed. It runs once with a runtime that
// acknowledges (the source commits in Close) and once without (it commits when Run ends).
func TestGroupBoundedReplayResumes(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 3)
	for _, acks := range []bool{true, false} {
		topic := fmt.Sprintf("t-%v", acks)
		b.MustCreateTopic(t, topic, 3)
		opts := map[string]string{"topic": topic, "brokers": b.Addr, "end": "latest", "group_id": "g", "session_timeout": "6s"}
		produceOrders(t, b, topic, 0, 30)
		first := replay(t, newSource(t, ordersSchema(), opts), acks)
		produceOrders(t, b, topic, 100, 10)
		second := replay(t, newSource(t, ordersSchema(), opts), acks)
		third := replay(t, newSource(t, ordersSchema(), opts), acks)
		if first != 30 || second != 10 || third != 0 {
			t.Errorf("acks %v: replays read %d, %d, %d rows; want 30 (all), 10 (the new ones), 0", acks, first, second, third)
		}
	}
}

func replay(t *testing.T, src *Source, acks bool) int {
	t.Helper()
	var out connectors.Emitter = &collector{}
	if acks {
		out = &acking{}
	}
	if err := runSource(t, src, out, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := src.Close(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	if a, ok := out.(*acking); ok {
		return a.total()
	}
	return out.(*collector).total()
}

// TestGroupSharesPartitions runs two members of one group: once balanced, each reads its own
// partitions and together they read every record once.
func TestGroupSharesPartitions(t *testing.T) {
	logs := quietLogs(t)
	logOf = func(*testing.T) string { return logs.String() }
	b := kafkatest.Start(t, 4)
	b.MustCreateTopic(t, "t", 4)
	opts := map[string]string{"topic": "t", "brokers": b.Addr, "group_id": "g", "session_timeout": "6s", "commit_interval": "200ms"}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	outs := []*acking{{}, {}}
	var wg sync.WaitGroup
	for _, out := range outs {
		src := newSource(t, ordersSchema(types.Field{Name: "_partition", Type: types.Int}), opts)
		wg.Go(func() {
			_ = src.Run(ctx, out)
			_ = src.Close(context.Background(), false)
		})
	}
	waitFor(t, ctx, func() bool { return balanced(logs) })
	produceOrders(t, b, "t", 0, 400)
	waitFor(t, ctx, func() bool { return outs[0].total()+outs[1].total() >= 400 })
	cancel()
	wg.Wait()
	ids := map[string]int{}
	parts := []map[string]bool{{}, {}}
	for m, out := range outs {
		for _, r := range out.rowStrings("event_id", "_partition") {
			id, p, _ := strings.Cut(r, " ")
			ids[id]++
			parts[m][p] = true
		}
	}
	if len(ids) != 400 || outs[0].total()+outs[1].total() != 400 {
		t.Errorf("read %d distinct rows, %d in all; want 400 once each", len(ids), outs[0].total()+outs[1].total())
	}
	for p := range parts[0] {
		if parts[1][p] {
			t.Errorf("both members read partition %s", p)
		}
	}
	if len(parts[0]) == 0 || len(parts[1]) == 0 {
		t.Errorf("partitions read: %v and %v; want both members to read", parts[0], parts[1])
	}
}

// balanced reports whether the assignments logged so far give all four partitions to the
// members and at least two assignments happened (two members, or a rebalance).
func balanced(logs *logBuf) bool {
	logs.mu.Lock()
	defer logs.mu.Unlock()
	owned, assigns := map[string]int{}, 0
	for _, l := range logs.lines {
		_, parts, _ := strings.Cut(l, " t[")
		for p := range strings.FieldsSeq(strings.TrimSuffix(parts, "]")) {
			if strings.Contains(l, " assigned ") {
				owned[p]++
			} else {
				owned[p]--
			}
		}
		if strings.Contains(l, " assigned ") {
			assigns++
		}
	}
	n := 0
	for _, c := range owned {
		n += c
	}
	return assigns >= 2 && n == 4
}

var logOf = func(t *testing.T) string { return "" }

func waitFor(t *testing.T, ctx context.Context, cond func() bool) {
	t.Helper()
	for !cond() {
		if ctx.Err() != nil {
			t.Fatalf("timed out\n%s", logOf(t))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
