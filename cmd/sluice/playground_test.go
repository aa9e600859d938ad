package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
	"github.com/sluicedata/sluice/types"
)

// playgroundPartitions is the partition count the playground tests use. With several partitions
// the results are exact (and no row is late) only because the executor keeps the per-partition
// watermarks the Kafka source stamps (connectors.WatermarkEmitter).
const playgroundPartitions = "3"

// TestPlaygroundBounded runs `sluice playground --events N` and compares the delivered rows with
// the revenue computed directly from the generated orders.
func TestPlaygroundBounded(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := dispatch([]string{"playground", "--events", "3000", "--partitions", playgroundPartitions}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	gen := kafkatest.NewOrderGen(1, playgroundStart, 50*time.Millisecond)
	var orders []kafkatest.Order
	for range 3000 {
		orders = append(orders, gen.Next())
	}
	want := kafkatest.ExpectedRevenue(orders)
	got := parseRevenue(t, stdout.String())
	if len(got) != len(want) {
		t.Fatalf("delivered %d rows, want %d\n%s", len(got), len(want), stderr.String())
	}
	for i := range want {
		w, g := want[i], got[i]
		if g.Country != w.Country || g.WindowStart != w.WindowStart || g.Orders != w.Orders || math.Abs(g.Revenue-w.Revenue) > 1e-6 {
			t.Errorf("row %d: got %+v, want %+v", i, g, w)
		}
	}
	for _, s := range []string{"0 late", "error records in topic orders.errors", "produced 3000 orders"} {
		if !strings.Contains(stderr.String(), s) {
			t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
		}
	}
}

func TestPlaygroundFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := dispatch([]string{"playground", "--partitions", "0"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage: sluice playground") {
		t.Errorf("exit %d, stderr %s", code, stderr.String())
	}
}

// parseRevenue reads the revenue rows printed by the playground (JSON lines, in order).
func parseRevenue(t *testing.T, out string) []kafkatest.Revenue {
	t.Helper()
	var rows []kafkatest.Revenue
	for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		var r struct {
			Country     string  `json:"country"`
			WindowStart string  `json:"window_start"`
			WindowEnd   string  `json:"window_end"`
			Orders      int64   `json:"orders"`
			Revenue     float64 `json:"revenue"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("row %q: %v", line, err)
		}
		ws, err := time.Parse(time.RFC3339, r.WindowStart)
		if err != nil || types.FormatTimestamp(ws.UnixMilli()+10000) != r.WindowEnd {
			t.Fatalf("row %q: window %v", line, err)
		}
		rows = append(rows, kafkatest.Revenue{Country: r.Country, WindowStart: ws.UnixMilli(), Orders: r.Orders, Revenue: r.Revenue})
	}
	return rows
}
