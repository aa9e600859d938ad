// Package kafkatest starts a real Kafka-protocol broker for tests and the playground: a one-node
// github.com/twmb/franz-go/pkg/kfake cluster listening on 127.0.0.1 (a random port unless one is
// given), with topics auto-created and, when DataDir is set, its log persisted so that the
// broker can be stopped and restarted on the same port without losing anything. It also runs
// kcat, the independent client the interop tests compare Sluice against.
package kafkatest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net"
	"slices"
	"strconv"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
)

// Options configure a broker.
type Options struct {
	Partitions int    // partitions of auto-created topics (default 1)
	Port       int    // 0: a random free port
	DataDir    string // "": in memory only, so Restart starts empty
}

// Broker is a one-node kfake cluster on 127.0.0.1.
type Broker struct {
	Addr    string // "127.0.0.1:port"
	opts    Options
	cluster *kfake.Cluster
}

// New starts a broker.
func New(o Options) (*Broker, error) {
	if o.Partitions <= 0 {
		o.Partitions = 1
	}
	b := &Broker{opts: o}
	if err := b.start(); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *Broker) start() error {
	opts := []kfake.Opt{kfake.NumBrokers(1), kfake.AllowAutoTopicCreation(),
		kfake.DefaultNumPartitions(b.opts.Partitions), kfake.GroupMinSessionTimeout(time.Second)}
	if b.opts.Port != 0 {
		opts = append(opts, kfake.Ports(b.opts.Port))
	}
	if b.opts.DataDir != "" {
		opts = append(opts, kfake.DataDir(b.opts.DataDir))
	}
	c, err := startCluster(opts)
	if err != nil {
		return fmt.Errorf("start kfake broker: %w", err)
	}
	b.cluster = c
	b.Addr = c.ListenAddrs()[0]
	_, port, _ := net.SplitHostPort(b.Addr)
	b.opts.Port, _ = strconv.Atoi(port)
	return nil
}

// startCluster retries briefly: a port just released by Stop may still be bound for a moment.
func startCluster(opts []kfake.Opt) (*kfake.Cluster, error) {
	var err error
	for range 50 {
		var c *kfake.Cluster
		if c, err = kfake.NewCluster(opts...); err == nil {
			return c, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

// Port is the port the broker listens on (kept across Restart).
func (b *Broker) Port() int { return b.opts.Port }

// Stop shuts the broker down (persisting its log when DataDir is set); Restart brings it back.
func (b *Broker) Stop() {
	if b.cluster != nil {
		b.cluster.Close()
		b.cluster = nil
	}
}

// Restart stops the broker if it runs and starts it again on the same port with the same DataDir.
func (b *Broker) Restart() error {
	b.Stop()
	return b.start()
}

// Close stops the broker for good.
func (b *Broker) Close() { b.Stop() }

// Client returns a franz-go client of the broker with opts added.
func (b *Broker) Client(opts ...kgo.Opt) (*kgo.Client, error) {
	return kgo.NewClient(append([]kgo.Opt{kgo.SeedBrokers(b.Addr)}, opts...)...)
}

// CreateTopic creates a topic with the given number of partitions.
func (b *Broker) CreateTopic(ctx context.Context, topic string, partitions int) error {
	cl, err := b.Client()
	if err != nil {
		return err
	}
	defer cl.Close()
	_, err = kadm.NewClient(cl).CreateTopic(ctx, int32(partitions), 1, nil, topic)
	return err
}

// Produce writes one record per value (keys[i] as key when keys is not nil) and waits for them.
func (b *Broker) Produce(ctx context.Context, topic string, keys, values [][]byte) error {
	cl, err := b.Client(kgo.DefaultProduceTopic(topic), kgo.RecordPartitioner(kgo.StickyKeyPartitioner(nil)))
	if err != nil {
		return err
	}
	defer cl.Close()
	recs := make([]*kgo.Record, len(values))
	for i, v := range values {
		recs[i] = &kgo.Record{Value: v}
		if keys != nil {
			recs[i].Key = keys[i]
		}
	}
	return cl.ProduceSync(ctx, recs...).FirstErr()
}

// ReadAll returns every record of topic up to the end offsets at the time of the call, in
// partition then offset order (none when the topic does not exist).
func (b *Broker) ReadAll(ctx context.Context, topic string) ([]*kgo.Record, error) {
	cl, err := b.Client()
	if err != nil {
		return nil, err
	}
	defer cl.Close()
	ends, err := kadm.NewClient(cl).ListEndOffsets(ctx, topic)
	if err != nil {
		return nil, err
	}
	if err := ends.Error(); errors.Is(err, kerr.UnknownTopicOrPartition) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return readUntil(ctx, b, topic, ends)
}

func readUntil(ctx context.Context, b *Broker, topic string, ends kadm.ListedOffsets) ([]*kgo.Record, error) {
	want := map[int32]int64{}
	parts := map[int32]kgo.Offset{}
	ends.Each(func(o kadm.ListedOffset) {
		if o.Offset > 0 {
			want[o.Partition] = o.Offset
			parts[o.Partition] = kgo.NewOffset().AtStart()
		}
	})
	byPart := map[int32][]*kgo.Record{}
	if len(want) == 0 {
		return nil, nil
	}
	cl, err := b.Client(kgo.ConsumePartitions(map[string]map[int32]kgo.Offset{topic: parts}))
	if err != nil {
		return nil, err
	}
	defer cl.Close()
	for len(want) > 0 {
		fs := cl.PollFetches(ctx)
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("read %s: %w (still waiting for partitions %v)", topic, err, want)
		}
		for _, e := range fs.Errors() {
			if !errors.Is(e.Err, context.DeadlineExceeded) {
				return nil, fmt.Errorf("read %s/%d: %w", e.Topic, e.Partition, e.Err)
			}
		}
		fs.EachRecord(func(r *kgo.Record) {
			if end, ok := want[r.Partition]; ok {
				byPart[r.Partition] = append(byPart[r.Partition], r)
				if r.Offset+1 >= end {
					delete(want, r.Partition)
				}
			}
		})
	}
	var out []*kgo.Record
	for _, p := range slices.Sorted(maps.Keys(byPart)) {
		out = append(out, byPart[p]...)
	}
	return out, nil
}
