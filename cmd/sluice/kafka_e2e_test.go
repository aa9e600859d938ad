package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors/kafka"
	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
)

// sluiceProc is a `sluice run` process of a test.
type sluiceProc struct {
	cmd    *exec.Cmd
	stderr *syncBuf
	done   chan error
}

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startRun starts `sluice run query.sql` in a scratch folder with the brokers in the environment;
// the process is killed when the test ends.
func startRun(t *testing.T, bin, query, brokers string) *sluiceProc {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "query.sql"), []byte(query), 0o644); err != nil {
		t.Fatal(err)
	}
	return startCmd(t, exec.Command(bin, "run", "query.sql"), dir, brokers)
}

func startCmd(t *testing.T, cmd *exec.Cmd, dir, brokers string) *sluiceProc {
	t.Helper()
	p := &sluiceProc{cmd: cmd, stderr: &syncBuf{}, done: make(chan error, 1)}
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), kafka.BrokersEnv+"="+brokers)
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-p.done
	})
	return p
}

// stop sends SIGTERM and waits for the process to exit.
func (p *sluiceProc) stop(t *testing.T) {
	t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("sluice did not stop within 30 s of SIGTERM\n%s", p.stderr)
	}
	p.done <- nil // for the cleanup
}

// running reports whether the process has not exited.
func (p *sluiceProc) running() bool {
	select {
	case err := <-p.done:
		p.done <- err
		return false
	default:
		return true
	}
}

// waitUntil polls cond every 200 ms for up to d.
func waitUntil(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(d); !cond(); time.Sleep(200 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
	}
}

// produceIDs writes records {"event_id":"e<i>","amount":<i+1>} for i in [from, to).
func produceIDs(t *testing.T, b *kafkatest.Broker, topic string, from, to int) {
	t.Helper()
	var keys, vals [][]byte
	for i := from; i < to; i++ {
		keys = append(keys, fmt.Appendf(nil, "k%d", i))
		vals = append(vals, fmt.Appendf(nil, `{"event_id":"e%d","amount":%d}`, i, i+1))
	}
	b.MustProduce(t, topic, keys, vals)
}

// deliveredIDs counts the event_ids in topic.
func deliveredIDs(t *testing.T, b *kafkatest.Broker, topic string) map[string]int {
	t.Helper()
	ids := map[string]int{}
	for _, v := range kafkatest.Values(b.MustReadAll(t, topic)) {
		var r struct {
			ID string `json:"event_id"`
		}
		if err := json.Unmarshal([]byte(v), &r); err != nil {
			t.Fatalf("output record %q: %v", v, err)
		}
		ids[r.ID]++
	}
	return ids
}

// missing lists the ids e<from>…e<to-1> absent from ids, and counts the extra copies.
func missing(ids map[string]int, from, to int) (lost []string, dups int) {
	for i := from; i < to; i++ {
		switch n := ids[fmt.Sprintf("e%d", i)]; {
		case n == 0:
			lost = append(lost, fmt.Sprintf("e%d", i))
		case n > 1:
			dups += n - 1
		}
	}
	return lost, dups
}

// passThrough reads topic in (group g) and writes its rows to topic out.
func passThrough(group string) string {
	return fmt.Sprintf(`CREATE STREAM orders (event_id STRING NOT NULL, amount DOUBLE)
  WITH (connector = 'kafka', topic = 'in', group_id = '%s', format = 'json',
        session_timeout = '3s', commit_interval = '500ms');
CREATE STREAM delivered WITH (connector = 'kafka', topic = 'out', format = 'json', key = 'event_id') AS
  SELECT event_id, amount FROM orders WHERE amount > 0;
`, group)
}

// TestKafkaGroupFailover runs two `sluice run` processes in one consumer group over a
// four-partition topic, kills one with SIGKILL mid-stream, and checks that the other takes over
// its partitions and that no event is lost (duplicates are counted, at-least-once allows them).
func TestKafkaGroupFailover(t *testing.T) {
	bin := buildSluice(t)
	b := kafkatest.Start(t, 4)
	b.MustCreateTopic(t, "in", 4)
	b.MustCreateTopic(t, "out", 4)
	a := startRun(t, bin, passThrough("failover"), b.Addr)
	c := startRun(t, bin, passThrough("failover"), b.Addr)
	waitUntil(t, 30*time.Second, "both processes to get partitions", func() bool {
		return strings.Contains(a.stderr.String(), "assigned") && strings.Contains(c.stderr.String(), "assigned")
	})
	const n = 20000
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; i < n; i += 500 {
			produceIDs(t, b, "in", i, i+500)
			time.Sleep(100 * time.Millisecond)
		}
	})
	waitUntil(t, 30*time.Second, "3000 delivered rows", func() bool { return len(b.MustReadAll(t, "out")) >= 3000 })
	if err := a.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	waitUntil(t, 60*time.Second, "every event delivered after the failover", func() bool {
		lost, _ := missing(deliveredIDs(t, b, "out"), 0, n)
		return len(lost) == 0
	})
	_, dups := missing(deliveredIDs(t, b, "out"), 0, n)
	t.Logf("failover: %d events, every one delivered, %d duplicates", n, dups)
	if !strings.Contains(c.stderr.String(), "revoked") && strings.Count(c.stderr.String(), "assigned") < 2 {
		t.Errorf("the surviving process did not take over partitions:\n%s", c.stderr)
	}
	c.stop(t)
}

// TestKafkaBrokerOutage starts `sluice run` while the broker is down, then cuts the broker
// mid-run: the process logs that it cannot reach the broker, keeps running, and delivers every
// event once the broker is back.
func TestKafkaBrokerOutage(t *testing.T) {
	bin := buildSluice(t)
	b := kafkatest.Start(t, 2)
	b.MustCreateTopic(t, "in", 2)
	b.MustCreateTopic(t, "out", 2)
	b.Stop()
	p := startRun(t, bin, passThrough("outage"), b.Addr)
	waitUntil(t, 30*time.Second, "a log line about the unreachable broker", func() bool {
		return strings.Contains(p.stderr.String(), "cannot reach Kafka broker "+b.Addr)
	})
	if err := b.Restart(); err != nil {
		t.Fatal(err)
	}
	produceIDs(t, b, "in", 0, 1000)
	waitUntil(t, 60*time.Second, "the first 1000 events", func() bool {
		lost, _ := missing(deliveredIDs(t, b, "out"), 0, 1000)
		return len(lost) == 0
	})
	b.Stop()
	time.Sleep(3 * time.Second)
	if !p.running() {
		t.Fatalf("sluice exited while the broker was down:\n%s", p.stderr)
	}
	if err := b.Restart(); err != nil {
		t.Fatal(err)
	}
	produceIDs(t, b, "in", 1000, 2000)
	waitUntil(t, 60*time.Second, "every event after the outage", func() bool {
		lost, _ := missing(deliveredIDs(t, b, "out"), 0, 2000)
		return len(lost) == 0
	})
	if !strings.Contains(p.stderr.String(), "connected to Kafka broker "+b.Addr+" again") {
		t.Errorf("no reconnection log line:\n%s", p.stderr)
	}
	p.stop(t)
}

// TestKafkaPipelineRun runs queries/kafka/pipeline.sql with `sluice run` (brokers from
// $SLUICE_KAFKA_BROKERS) over generated orders and checks every revenue row whose window the
// watermark has closed against the revenue computed from the orders.
func TestKafkaPipelineRun(t *testing.T) {
	bin := buildSluice(t)
	parts := 1
	fmt.Sscan(playgroundPartitions, &parts)
	b := kafkatest.Start(t, parts)
	b.MustCreateTopic(t, "orders", parts)
	gen := kafkatest.NewOrderGen(7, playgroundStart, 50*time.Millisecond)
	var orders []kafkatest.Order
	var keys, vals [][]byte
	maxTS := int64(math.MinInt64)
	for range 3000 {
		o := gen.Next()
		orders = append(orders, o)
		keys, vals = append(keys, o.Key()), append(vals, o.JSON())
		if o.Kind != "malformed" {
			maxTS = max(maxTS, o.TS)
		}
	}
	b.MustProduce(t, "orders", keys, vals)
	var want []kafkatest.Revenue
	for _, r := range kafkatest.ExpectedRevenue(orders) {
		if r.WindowStart+10000+1000 <= maxTS-2000 { // closed: watermark ≥ window_end + grace
			want = append(want, r)
		}
	}
	query, err := filepath.Abs("../../queries/kafka/pipeline.sql")
	if err != nil {
		t.Fatal(err)
	}
	p := startCmd(t, exec.Command(bin, "run", query), t.TempDir(), b.Addr)
	waitUntil(t, 60*time.Second, fmt.Sprintf("%d revenue rows", len(want)), func() bool {
		return len(b.MustReadAll(t, "revenue")) >= len(want)
	})
	time.Sleep(time.Second) // nothing more may come
	got := parseRevenue(t, strings.Join(sortedRevenue(kafkatest.Values(b.MustReadAll(t, "revenue"))), "\n"))
	if len(got) != len(want) {
		t.Fatalf("revenue holds %d rows, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		if g.Country != w.Country || g.WindowStart != w.WindowStart || g.Orders != w.Orders || math.Abs(g.Revenue-w.Revenue) > 1e-6 {
			t.Errorf("row %d: got %+v, want %+v", i, g, w)
		}
	}
	malformed := 0
	for _, o := range orders {
		if o.Kind == "malformed" {
			malformed++
		}
	}
	waitUntil(t, 10*time.Second, "the error records", func() bool { return len(b.MustReadAll(t, "orders.errors")) == malformed })
	p.stop(t)
}
