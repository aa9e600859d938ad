package kafka

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
	"github.com/sluicedata/sluice/types"
)

// TestSourceReadsWhatKcatWrote produces keyed JSON records with kcat (one of them malformed) and
// reads them back as a bounded replay with metadata columns.
func TestSourceReadsWhatKcatWrote(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 3)
	b.MustCreateTopic(t, "orders", 3)
	var lines []string
	for i := range 30 {
		lines = append(lines, fmt.Sprintf("k%d\t%s", i, orderLine(i, 1000*int64(i))))
	}
	lines = append(lines, "kbad\t{\"event_id\": oops}")
	b.KcatProduce(t, "orders", lines, true)

	s := ordersSchema(types.Field{Name: "_partition", Type: types.Int}, types.Field{Name: "_offset", Type: types.BigInt},
		types.Field{Name: "_key", Type: types.String}, types.Field{Name: "_topic", Type: types.String})
	src := newSource(t, s, map[string]string{"topic": "orders", "brokers": b.Addr, "end": "latest"})
	var out collector
	if err := runSource(t, src, &out, 30*time.Second); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if out.total() != 30 {
		t.Fatalf("read %d rows, want 30", out.total())
	}
	where := map[string]string{} // key -> "partition offset" as kcat sees it
	for _, l := range b.KcatConsume(t, "orders", "%k %p %o\n") {
		k, po, _ := strings.Cut(l, " ")
		where[k] = po
	}
	for _, r := range out.rowStrings("event_id", "_key", "_partition", "_offset", "_topic") {
		var id, key, p, o int
		if _, err := fmt.Sscanf(r, "event_id=e%d _key=k%d _partition=%d _offset=%d _topic=orders", &id, &key, &p, &o); err != nil {
			t.Fatalf("row %q: %v", r, err)
		}
		if want := where[fmt.Sprint("k", key)]; id != key || want != fmt.Sprintf("%d %d", p, o) {
			t.Errorf("row %q: kcat has key k%d at %q", r, key, want)
		}
	}
	if len(out.rejects) != 1 {
		t.Fatalf("rejects: %+v", out.rejects)
	}
	rej := out.rejects[0]
	if rej.Reason != "decode" || rej.Source != "orders" || string(rej.Raw) != `{"event_id": oops}` ||
		"orders/"+strings.Replace(where["kbad"], " ", "@", 1) != rej.Position {
		t.Errorf("reject %+v, kcat has it at %s", rej, where["kbad"])
	}
}

// TestSourcePerPartitionWatermark reads two partitions whose event times are far apart: no row
// of the late partition may be behind the watermark it is emitted with.
func TestSourcePerPartitionWatermark(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 2)
	b.MustCreateTopic(t, "t", 2)
	var early, late []string
	for i := range 200 {
		early = append(early, orderLine(i, 1_000_000+int64(i)*1000))
		late = append(late, orderLine(1000+i, 10_000+int64(i)*10))
	}
	b.RunKcat(t, []byte(strings.Join(early, "\n")+"\n"), "-P", "-t", "t", "-p", "0")
	b.RunKcat(t, []byte(strings.Join(late, "\n")+"\n"), "-P", "-t", "t", "-p", "1")
	src := newSource(t, ordersSchema(), map[string]string{"topic": "t", "brokers": b.Addr, "end": "latest", "idle_timeout": "1h"})
	src.Rows = 16 // many small batches from both partitions
	var out acking
	if err := runSource(t, src, &out, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if out.total() != 400 {
		t.Fatalf("read %d rows", out.total())
	}
	last := types.MinTime
	for _, bt := range out.batches {
		for i := 0; i < bt.Len; i++ {
			if bt.WM[i] > bt.Time[i]-1000 || bt.WM[i] < last {
				t.Fatalf("row at %d has watermark %d (previous %d): the watermark must stay behind every active partition and never go back", bt.Time[i], bt.WM[i], last)
			}
			last = bt.WM[i]
		}
	}
}

// TestSourceIdlePartition checks that a partition without records stops holding the watermark
// back after idle_timeout.
func TestSourceIdlePartition(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 2)
	b.MustCreateTopic(t, "t", 2)
	b.RunKcat(t, []byte(orderLine(1, 50_000)+"\n"), "-P", "-t", "t", "-p", "0")
	src := newSource(t, ordersSchema(), map[string]string{"topic": "t", "brokers": b.Addr, "idle_timeout": "300ms"})
	var out acking
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- src.Run(ctx, &out) }()
	for ctx.Err() == nil {
		out.mu.Lock()
		n := len(out.marks)
		ok := n > 0 && out.marks[n-1] == 49_000
		out.mu.Unlock()
		if ok {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	<-done
	if out.batches[0].WM[0] != types.MinTime {
		t.Errorf("first row's watermark %d: the empty partition should hold it back until it is idle", out.batches[0].WM[0])
	}
	if n := len(out.marks); n == 0 || out.marks[n-1] != 49_000 {
		t.Fatalf("watermarks given: %v, want 49000 once partition 1 is idle", out.marks)
	}
}

// TestSourceStartPositions covers explicit offsets, a timestamp and latest.
func TestSourceStartPositions(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 1)
	b.MustCreateTopic(t, "t", 1)
	cl, err := b.Client(kgo.DefaultProduceTopic("t"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	for i := range 10 {
		r := &kgo.Record{Value: []byte(orderLine(i, int64(i))), Timestamp: t0.Add(time.Duration(i) * time.Second)}
		if err := cl.ProduceSync(context.Background(), r).FirstErr(); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		start string
		want  int
		first string
	}{{"0:7", 3, "e007"}, {"2026-11-25T10:00:05Z", 5, "e005"}, {"latest", 0, ""}, {"earliest", 10, "e000"}} {
		src := newSource(t, ordersSchema(), map[string]string{"topic": "t", "brokers": b.Addr, "start": c.start, "end": "latest"})
		var out collector
		if err := runSource(t, src, &out, 30*time.Second); err != nil {
			t.Fatalf("start %s: %v", c.start, err)
		}
		rows := out.rowStrings("event_id")
		if len(rows) != c.want || c.want > 0 && rows[0] != "event_id="+c.first {
			t.Errorf("start %s: rows %v, want %d from %s", c.start, rows, c.want, c.first)
		}
	}
}

// TestSourceRegexAndRecordTime reads every topic matching a regular expression, with the record
// timestamp as event time.
func TestSourceRegexAndRecordTime(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 1)
	for _, topic := range []string{"orders.eu", "orders.us", "other"} {
		b.MustCreateTopic(t, topic, 1)
		b.MustProduce(t, topic, nil, [][]byte{[]byte(`{"event_id":"` + topic + `"}`)})
	}
	s := &types.Schema{Fields: []types.Field{{Name: "event_id", Type: types.String}, {Name: "_topic", Type: types.String},
		{Name: "_timestamp", Type: types.Timestamp}}, EventTime: true, TimeCol: 2}
	src := newSource(t, s, map[string]string{"topic": `/orders\..*/`, "brokers": b.Addr, "end": "latest"})
	var out collector
	if err := runSource(t, src, &out, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(out.rowStrings("event_id", "_topic"), "; ")
	if got != "event_id=orders.eu _topic=orders.eu; event_id=orders.us _topic=orders.us" {
		t.Fatalf("rows: %s", got)
	}
	for _, bt := range out.batches {
		if ts := bt.Cols[2].I64[0]; bt.Time[0] != ts || time.Since(time.UnixMilli(ts)) > time.Minute {
			t.Errorf("row time %d, _timestamp %d: want the record's timestamp", bt.Time[0], ts)
		}
	}
}

// TestSourceCSV decodes CSV values (no header: fields in column order).
func TestSourceCSV(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 1)
	b.KcatProduce(t, "csv", []string{`e1,1.5,2025-11-25T10:00:00Z`, `"e,2",2.5,1764064800000`, `e3,x,0`}, false)
	src := newSource(t, ordersSchema(), map[string]string{"topic": "csv", "brokers": b.Addr, "end": "latest", "format": "csv"})
	var out collector
	if err := runSource(t, src, &out, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(out.rowStrings("event_id", "amount", "ts"), "; ")
	if got != "event_id=e,2 amount=2.5 ts=1764064800000; event_id=e1 amount=1.5 ts=1764064800000" {
		t.Errorf("rows: %s", got)
	}
	if len(out.rejects) != 1 || out.rejects[0].Reason != "schema" || out.rejects[0].Position != "csv/0@2" {
		t.Errorf("rejects: %+v", out.rejects)
	}
}

// TestSourceBrokerDownAtStart starts a bounded replay while the broker is down: the source logs
// that it cannot reach it, retries, and reads everything once the broker is back.
func TestSourceBrokerDownAtStart(t *testing.T) {
	logs := quietLogs(t)
	b := kafkatest.Start(t, 2)
	b.MustCreateTopic(t, "t", 2)
	var vals [][]byte
	for i := range 50 {
		vals = append(vals, []byte(orderLine(i, int64(i))))
	}
	b.MustProduce(t, "t", nil, vals)
	b.Stop()
	src := newSource(t, ordersSchema(), map[string]string{"topic": "t", "brokers": b.Addr, "end": "latest", "group_id": "g"})
	var out collector
	done := make(chan error, 1)
	go func() { done <- runSource(t, src, &out, 60*time.Second) }()
	deadline := time.Now().Add(20 * time.Second)
	for !logs.contains("cannot reach Kafka broker "+b.Addr) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if err := b.Restart(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("Run: %v\nlogs:\n%s", err, logs)
	}
	if !logs.contains("cannot reach Kafka broker " + b.Addr) {
		t.Errorf("no log line about the unreachable broker:\n%s", logs)
	}
	if out.total() != 50 {
		t.Errorf("read %d rows, want 50", out.total())
	}
}
