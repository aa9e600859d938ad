package kafkatest

import (
	"fmt"
	"slices"
	"testing"
)

// TestBrokerRestartKeepsData writes with franz-go, stops the broker, restarts it on the same port
// and reads everything back with franz-go and with kcat.
func TestBrokerRestartKeepsData(t *testing.T) {
	b := Start(t, 3)
	b.MustCreateTopic(t, "t", 3)
	var vals [][]byte
	for i := range 30 {
		vals = append(vals, fmt.Appendf(nil, "v%02d", i))
	}
	b.MustProduce(t, "t", nil, vals)
	addr := b.Addr
	if err := b.Restart(); err != nil {
		t.Fatal(err)
	}
	if b.Addr != addr {
		t.Fatalf("restart moved the broker from %s to %s", addr, b.Addr)
	}
	got := Values(b.MustReadAll(t, "t"))
	slices.Sort(got)
	if len(got) != 30 || got[0] != "v00" || got[29] != "v29" {
		t.Fatalf("after restart read %d records: %v", len(got), got)
	}
	lines := b.KcatConsume(t, "t", "%s\n")
	if len(lines) != 30 {
		t.Fatalf("kcat read %d records, want 30: %v", len(lines), lines)
	}
}
