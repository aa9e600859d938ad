package executor_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"

	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/planner"
)

// TestKafkaCommitsOnlyWhatWindowsHaveEmitted runs Kafka → tumbling window → Kafka with a
// consumer group: the group's committed offset moves only past rows whose window has been
// written to the output topic (acknowledgement barriers wait behind open windows), and a
// cancelled run commits nothing more.
func TestKafkaCommitsOnlyWhatWindowsHaveEmitted(t *testing.T) {
	b := kafkatest.Start(t, 1)
	b.MustCreateTopic(t, "in", 1)
	b.MustCreateTopic(t, "out", 1)
	dag, err := planner.PlanFile("query.sql", fmt.Sprintf(`
CREATE STREAM ev (id BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts)
  WITH (connector = 'kafka', topic = 'in', brokers = '%[1]s', group_id = 'g', format = 'json',
        commit_interval = '100ms');
CREATE STREAM counts WITH (connector = 'kafka', topic = 'out', brokers = '%[1]s', format = 'json') AS
  SELECT COUNT(*) AS n FROM ev WINDOW TUMBLING (SIZE 10 SECONDS) EMIT FINAL;`, b.Addr))
	if err != nil {
		t.Fatal(err)
	}
	produce := func(ids ...int) {
		var vals [][]byte
		for _, id := range ids {
			vals = append(vals, fmt.Appendf(nil, `{"id":%d,"ts":%d}`, id, id*1000))
		}
		b.MustProduce(t, "in", nil, vals)
	}
	produce(1, 2, 3) // window [0s,10s) stays open
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := executor.Run(ctx, dag, executor.Options{Registry: all.New(), Logf: t.Logf})
		done <- err
	}()
	time.Sleep(1500 * time.Millisecond)
	if off := committed(t, b); off != -1 {
		t.Fatalf("committed offset %d while the window of every row is open", off)
	}
	produce(15) // closes [0s,10s); [10s,20s) stays open
	waitFor(t, func() bool { return committed(t, b) == 3 })
	if n := len(b.MustReadAll(t, "out")); n != 1 {
		t.Fatalf("%d output records when offset 3 was committed", n)
	}
	time.Sleep(500 * time.Millisecond)
	cancel()
	<-done
	if off := committed(t, b); off != 3 {
		t.Fatalf("committed offset %d after the run, want 3 (the row at 15s is in an open window)", off)
	}
}

// committed returns the group's committed offset of in/0 (-1: none).
func committed(t *testing.T, b *kafkatest.Broker) int64 {
	cl, err := b.Client()
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	offs, err := kadm.NewClient(cl).FetchOffsets(kafkatest.Context(t, 10*time.Second), "g")
	if err != nil {
		t.Fatal(err)
	}
	if o, ok := offs.Lookup("in", 0); ok {
		return o.At
	}
	return -1
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); !cond(); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("timed out")
		}
	}
}
