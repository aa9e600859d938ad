package kafka

import (
	"context"
	"fmt"
	"log"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// Logf is where the connector logs what an operator should see: a broker that cannot be
// reached (and reached again), retries, rebalances, commit failures. Tests may replace it.
var Logf = log.Printf

// connLog is a franz-go hook that logs broker connection failures once per broker and every
// 10 s while they last, and the reconnection after them.
type connLog struct {
	name    string
	mu      sync.Mutex
	failing map[string]time.Time // broker -> last time a failure was logged
}

func newConnLog(name string) *connLog { return &connLog{name: name, failing: map[string]time.Time{}} }

// OnBrokerConnect implements kgo.HookBrokerConnect.
func (h *connLog) OnBrokerConnect(meta kgo.BrokerMetadata, _ time.Duration, _ net.Conn, err error) {
	addr := net.JoinHostPort(meta.Host, strconv.Itoa(int(meta.Port)))
	h.mu.Lock()
	defer h.mu.Unlock()
	last, was := h.failing[addr]
	if err == nil {
		if was {
			delete(h.failing, addr)
			Logf("%s: connected to Kafka broker %s again", h.name, addr)
		}
		return
	}
	if !was || time.Since(last) >= 10*time.Second {
		h.failing[addr] = time.Now()
		Logf("%s: cannot reach Kafka broker %s: %v (retrying)", h.name, addr, err)
	}
}

// baseOpts are the client options every connector client uses.
func baseOpts(name string, seeds []string) []kgo.Opt {
	return []kgo.Opt{
		kgo.SeedBrokers(seeds...),
		kgo.ClientID("sluice"),
		kgo.WithHooks(newConnLog(name)),
		kgo.RetryBackoffFn(backoff),
		kgo.DialTimeout(5 * time.Second),
	}
}

// backoff waits 100 ms, doubling up to 2 s, between retries.
func backoff(tries int) time.Duration {
	d := 100 * time.Millisecond << min(tries, 5)
	return min(d, 2*time.Second)
}

// retry calls fn until it succeeds or ctx ends, logging each failure with what it was doing.
func retry(ctx context.Context, name, what string, fn func(context.Context) error) error {
	for try := 0; ; try++ {
		err := fn(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if try == 0 || try%10 == 0 {
			Logf("%s: %s: %v (retrying)", name, what, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff(try + 3)):
		}
	}
}

// errorf prefixes errors with the connector and stream they come from.
func errorf(name, format string, args ...any) error {
	return fmt.Errorf("%s: %s", name, fmt.Sprintf(format, args...))
}
