package kafka

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// Offsets are committed only for a source with a group, and only up to rows that are durable:
//
//   - With a runtime that acknowledges (its Emitter implements connectors.Acker), every
//     commit_interval the emitter takes a snapshot of the offsets emitted so far and asks for an
//     acknowledgement; when it arrives, the snapshot is committed. At the end of a run that ended
//     normally (Close with ended), everything emitted is committed. This is at-least-once: after
//     a crash the group resumes at or before the first row not yet written by every sink.
//   - Without one, commits lag emission by one commit_interval: each tick commits the snapshot
//     taken at the previous tick, and the end of a normal run commits everything emitted. Rows
//     written within commit_interval of their emission (stateless pipelines) are delivered at
//     least once; rows that a crash catches inside an open window may be lost.
//
// Partitions given up in a rebalance commit their acknowledged offsets first (synchronously),
// so that their next owner resumes exactly there.

// pendingAck is a snapshot waiting for its acknowledgement.
type pendingAck struct {
	snap snapshot
	ch   <-chan error
}

// maxPending bounds the acknowledgements requested and not yet received.
const maxPending = 4

// commitTick runs every commit_interval.
func (r *run) commitTick() {
	if r.acker != nil {
		if len(r.pending) < maxPending {
			r.pending = append(r.pending, pendingAck{snap: r.prog.snap(), ch: r.acker.Ack()})
		}
		return
	}
	if r.lag != nil {
		r.commitAsync(r.prog.ack(r.lag))
	}
	r.lag = r.prog.snap()
}

// ackChan is the channel of the oldest pending acknowledgement (nil when there is none).
func (r *run) ackChan() <-chan error {
	if len(r.pending) == 0 {
		return nil
	}
	return r.pending[0].ch
}

// acked commits the oldest pending snapshot once it is acknowledged; an error (the run is
// ending) drops every pending snapshot.
func (r *run) acked(err error) {
	p := r.pending[0]
	r.pending = r.pending[1:]
	if err != nil {
		r.pending = nil
		return
	}
	r.commitAsync(r.prog.ack(p.snap))
}

func (r *run) commitAsync(m map[tp]kgo.EpochOffset) {
	if len(m) == 0 {
		return
	}
	r.cl.CommitOffsets(context.Background(), commitMap(m), func(_ *kgo.Client, _ *kmsg.OffsetCommitRequest, resp *kmsg.OffsetCommitResponse, err error) {
		if err = commitErr(resp, err); err != nil {
			Logf("%s: commit offsets: %v (the next commit retries)", r.s.name, err)
		}
	})
}

// commitSync commits m and waits (up to 15 s or ctx's end).
func (r *run) commitSync(ctx context.Context, m map[tp]kgo.EpochOffset) error {
	if len(m) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	var out error
	r.cl.CommitOffsetsSync(ctx, commitMap(m), func(_ *kgo.Client, _ *kmsg.OffsetCommitRequest, resp *kmsg.OffsetCommitResponse, err error) {
		out = commitErr(resp, err)
	})
	if out != nil {
		return fmt.Errorf("%s: commit offsets: %w", r.s.name, out)
	}
	return nil
}

// commitErr returns the request's error or the first partition's error.
func commitErr(resp *kmsg.OffsetCommitResponse, err error) error {
	if err != nil || resp == nil {
		return err
	}
	for _, t := range resp.Topics {
		for _, p := range t.Partitions {
			if e := kerr.ErrorForCode(p.ErrorCode); e != nil {
				return fmt.Errorf("%s/%d: %w", t.Topic, p.Partition, e)
			}
		}
	}
	return nil
}

// leave commits what the end of the run allows and closes the client (leaving the group).
func (r *run) leave(ended bool) error {
	var err error
	if r.group() {
		var m map[tp]kgo.EpochOffset
		switch {
		case ended:
			m = r.prog.ackAll()
		case r.acker == nil && r.lag != nil:
			m = r.prog.ack(r.lag)
		}
		err = r.commitSync(context.Background(), m)
	}
	r.cl.Close()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}
