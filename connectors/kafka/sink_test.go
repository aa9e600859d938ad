package kafka

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
	"github.com/sluicedata/sluice/types"
)

// customers is a batch of n rows (customer STRING, amount DOUBLE, ts TIMESTAMP) with event time.
func customers(n int) *types.Batch {
	s := &types.Schema{Fields: []types.Field{{Name: "customer", Type: types.String}, {Name: "amount", Type: types.Double},
		{Name: "ts", Type: types.Timestamp}}, EventTime: true, TimeCol: 2}
	b := types.NewBatch(s, n)
	for i := range n {
		b.Cols[0].AppendValue(fmt.Sprintf("c%d", i))
		b.Cols[1].AppendValue(float64(i) + 0.25)
		b.Cols[2].AppendValue(int64(1764064800000 + i))
		b.Time = append(b.Time, int64(1764064800000+i))
	}
	b.Len = n
	return b
}

func newSink(t *testing.T, s *types.Schema, opts map[string]string) *Sink {
	t.Helper()
	k, err := NewSink(connectors.SinkConfig{Sink: "out", Schema: s, Options: opts})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func writeAll(t *testing.T, k *Sink, bs ...*types.Batch) {
	t.Helper()
	ctx := kafkatest.Context(t, 60*time.Second)
	for _, b := range bs {
		if err := k.Write(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.Close(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestSinkPartitionsLikeJava writes keyed rows with Sluice and the same keys with kcat using
// librdkafka's Java-compatible murmur2 partitioner: every key must land in the same partition.
func TestSinkPartitionsLikeJava(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 6)
	b.MustCreateTopic(t, "sluice", 6)
	b.MustCreateTopic(t, "kcat", 6)
	bt := customers(60)
	writeAll(t, newSink(t, bt.Schema, map[string]string{"topic": "sluice", "brokers": b.Addr, "key": "customer"}), bt)
	var lines []string
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("c%d\tx", i))
	}
	b.RunKcat(t, []byte(strings.Join(lines, "\n")+"\n"), "-P", "-t", "kcat", "-K", "\t", "-X", "partitioner=murmur2_random")
	want := map[string]string{}
	for _, l := range b.KcatConsume(t, "kcat", "%k %p\n") {
		k, p, _ := strings.Cut(l, " ")
		want[k] = p
	}
	got := b.KcatConsume(t, "sluice", "%k %p %s\n")
	if len(got) != 60 {
		t.Fatalf("kcat read %d records, want 60", len(got))
	}
	used := map[string]bool{}
	for _, l := range got {
		f := strings.SplitN(l, " ", 3)
		used[f[1]] = true
		if want[f[0]] != f[1] {
			t.Errorf("key %s went to partition %s, the Java partitioner puts it in %s", f[0], f[1], want[f[0]])
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(f[2]), &v); err != nil || v["customer"] != f[0] {
			t.Errorf("value %s: %v", f[2], err)
		}
	}
	if len(used) < 3 {
		t.Errorf("keys spread over %d partitions only", len(used))
	}
}

// TestSinkCompression writes with every codec and reads back with kcat.
func TestSinkCompression(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 1)
	for _, c := range []string{"none", "gzip", "snappy", "lz4", "zstd"} {
		bt := customers(100)
		writeAll(t, newSink(t, bt.Schema, map[string]string{"topic": "z-" + c, "brokers": b.Addr, "compression": c}), bt)
		got := b.KcatConsume(t, "z-"+c, "%s\n")
		if len(got) != 100 || got[99] != `{"customer":"c99","amount":99.25,"ts":"2025-11-25T10:00:00.099Z"}` {
			t.Errorf("%s: kcat read %d records, last %q", c, len(got), got[len(got)-1])
		}
	}
}

// TestSinkHeadersKeyAndTime takes the key from _key and headers from _headers (neither in the
// value) and sets the record timestamp to the row's event time; CSV values have no header.
func TestSinkHeadersKeyAndTime(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 1)
	s := &types.Schema{Fields: []types.Field{{Name: "_key", Type: types.String}, {Name: "n", Type: types.BigInt},
		{Name: "note", Type: types.String}, {Name: "_headers", Type: types.MapOf(types.String)}}, EventTime: true, TimeCol: -1}
	bt := types.NewBatch(s, 2)
	bt.Cols[0].AppendValue("k1")
	bt.Cols[0].AppendNull()
	bt.Cols[1].AppendValue(int64(1))
	bt.Cols[1].AppendValue(int64(2))
	bt.Cols[2].AppendValue("a, \"quoted\"\nnote")
	bt.Cols[2].AppendValue("plain")
	bt.Cols[3].AppendValue(map[string]any{"b": "2", "a": "1"})
	bt.Cols[3].AppendNull()
	bt.Time, bt.Len = []int64{1764064800000, 1764064800123}, 2
	writeAll(t, newSink(t, s, map[string]string{"topic": "h", "brokers": b.Addr, "format": "csv"}), bt)
	got := b.KcatConsume(t, "h", "%k|%h|%T|%s\n")
	want := []string{"k1|a=1,b=2|1764064800000|1,\"a, \"\"quoted\"\"", "note\"", "||1764064800123|2,plain"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("kcat read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSinkThenSource writes with the sink and reads with the source: the round trip keeps rows.
func TestSinkThenSource(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 3)
	bt := customers(500)
	writeAll(t, newSink(t, bt.Schema, map[string]string{"topic": "rt", "brokers": b.Addr, "key": "customer", "partitions": "3"}), bt)
	src := newSource(t, bt.Schema, map[string]string{"topic": "rt", "brokers": b.Addr, "end": "latest"})
	var out collector
	if err := runSource(t, src, &out, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	rows := out.rowStrings("customer", "amount", "ts")
	if len(rows) != 500 || rows[0] != "customer=c0 amount=0.25 ts=1764064800000" {
		t.Errorf("read %d rows, first %v", len(rows), rows[:min(1, len(rows))])
	}
	parts := map[int32]bool{}
	for _, r := range b.MustReadAll(t, "rt") {
		parts[r.Partition] = true
	}
	if len(parts) != 3 {
		t.Errorf("the topic was created with partitions %v, want 3", parts)
	}
}

// TestSinkBrokerRestart cuts the broker while the sink writes: writes resume when it is back and
// nothing is lost or duplicated (idempotent producer).
func TestSinkBrokerRestart(t *testing.T) {
	logs := quietLogs(t)
	b := kafkatest.Start(t, 2)
	b.MustCreateTopic(t, "r", 2)
	s := customers(1).Schema
	k := newSink(t, s, map[string]string{"topic": "r", "brokers": b.Addr, "key": "customer"})
	ctx := kafkatest.Context(t, 60*time.Second)
	write := func(from, n int) {
		bt := types.NewBatch(s, n)
		for i := from; i < from+n; i++ {
			bt.Cols[0].AppendValue(fmt.Sprintf("c%d", i))
			bt.Cols[1].AppendValue(float64(i))
			bt.Cols[2].AppendValue(int64(i))
			bt.Time = append(bt.Time, int64(i))
		}
		bt.Len = n
		if err := k.Write(ctx, bt); err != nil {
			t.Fatal(err)
		}
	}
	write(0, 500)
	if err := k.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	b.Stop()
	write(500, 500)
	restarted := make(chan struct{})
	time.AfterFunc(1500*time.Millisecond, func() {
		defer close(restarted)
		if err := b.Restart(); err != nil {
			t.Error(err)
		}
	})
	if err := k.Close(ctx); err != nil {
		t.Fatalf("close: %v\n%s", err, logs)
	}
	<-restarted
	seen := map[string]int{}
	for _, v := range kafkatest.Values(b.MustReadAll(t, "r")) {
		var m map[string]any
		_ = json.Unmarshal([]byte(v), &m)
		seen[fmt.Sprint(m["customer"])]++
	}
	var bad []string
	for i := range 1000 {
		if c := seen[fmt.Sprintf("c%d", i)]; c != 1 {
			bad = append(bad, fmt.Sprintf("c%d×%d", i, c))
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%d rows not delivered exactly once: %v", len(bad), bad[:min(10, len(bad))])
	}
	if !logs.contains("cannot reach Kafka broker") {
		t.Errorf("no log line about the unreachable broker:\n%s", logs)
	}
}

// TestErrorSink writes error records to kafka://topic?brokers=… and reads them back.
func TestErrorSink(t *testing.T) {
	quietLogs(t)
	b := kafkatest.Start(t, 1)
	es, err := OpenErrorSink("kafka://orders.errors?brokers=" + b.Addr)
	if err != nil {
		t.Fatal(err)
	}
	recs := []connectors.ErrorRecord{
		{Source: "orders", Reason: "decode", Message: "unexpected end of JSON input", Position: "orders/3@1207", Raw: []byte(`{"a":`), At: 1764064800000},
		{Source: "orders", Reason: "late", Message: "late", Position: "orders/0@5", Raw: []byte{0xff}, At: 1764064800001},
	}
	for _, r := range recs {
		if err := es.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := es.Close(); err != nil {
		t.Fatal(err)
	}
	got := b.KcatConsume(t, "orders.errors", "%k %s\n")
	want := []string{
		`orders {"source":"orders","reason":"decode","message":"unexpected end of JSON input","position":"orders/3@1207","raw":"{\"a\":","at":"2025-11-25T10:00:00.000Z"}`,
		`orders {"source":"orders","reason":"late","message":"late","position":"orders/0@5","raw":"` + "\ufffd" + `","raw_base64":"/w==","at":"2025-11-25T10:00:00.001Z"}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, bad := range []string{"kafka://", "file://x", "kafka://?brokers=x"} {
		if _, err := OpenErrorSink(bad); err == nil {
			t.Errorf("OpenErrorSink(%q) accepted", bad)
		}
	}
	t.Setenv(BrokersEnv, "h1:1,h2:2")
	if topic, seeds, _ := parseErrorURI("KAFKA://t/"); topic != "t" || strings.Join(seeds, " ") != "h1:1 h2:2" {
		t.Errorf("parse: %s %v", topic, seeds)
	}
}
