package kafka

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// groupOpts are the consumer-group options: offsets are committed by the source itself (see
// commit.go), and assignments and revocations go through the callbacks below.
func (r *run) groupOpts() []kgo.Opt {
	st := r.s.o.sessionTimeout
	return []kgo.Opt{
		kgo.DisableAutoCommit(),
		kgo.SessionTimeout(st),
		kgo.HeartbeatInterval(min(3*time.Second, st/3)),
		kgo.OnPartitionsAssigned(r.onAssigned),
		kgo.OnPartitionsRevoked(r.onRevoked),
		kgo.OnPartitionsLost(r.onLost),
		kgo.AdjustFetchOffsetsFn(r.adjustOffsets),
	}
}

func (r *run) onAssigned(_ context.Context, _ *kgo.Client, m map[string][]int32) {
	parts := flatten(m)
	r.prog.assign(parts)
	if len(parts) > 0 {
		Logf("%s: group %s assigned %s", r.s.name, r.s.o.group, describe(m))
	}
	r.send(ownerEvent{assigned: parts, joined: true})
}

// onRevoked commits the acknowledged offsets of the partitions given up before they go.
func (r *run) onRevoked(ctx context.Context, _ *kgo.Client, m map[string][]int32) {
	r.giveUp(ctx, m, true)
}

// onLost drops partitions that the group took away (the member was considered dead): their
// offsets can no longer be committed.
func (r *run) onLost(ctx context.Context, _ *kgo.Client, m map[string][]int32) {
	r.giveUp(ctx, m, false)
}

func (r *run) giveUp(ctx context.Context, m map[string][]int32, commit bool) {
	parts := flatten(m)
	if len(parts) == 0 {
		return
	}
	acked := r.prog.revoke(parts)
	r.stopWorkers(parts)
	if commit {
		if err := r.commitSync(ctx, acked); err != nil {
			Logf("%v", err)
		}
	}
	verb := "revoked"
	if !commit {
		verb = "lost"
	}
	Logf("%s: group %s %s %s", r.s.name, r.s.o.group, verb, describe(m))
	r.send(ownerEvent{revoked: parts})
}

// adjustOffsets runs after the group's committed offsets are fetched: a partition without a
// committed offset starts where `start` says (an exact offset from the plan or the explicit
// offsets); the emitter learns where every partition starts (a bounded source may have
// nothing to read in some).
func (r *run) adjustOffsets(_ context.Context, offs map[string]map[int32]kgo.Offset) (map[string]map[int32]kgo.Offset, error) {
	reset := r.s.resetOffset()
	starts := map[tp]int64{}
	for topic, ps := range offs {
		for part, o := range ps {
			t := tp{topic, part}
			if o != reset {
				starts[t] = o.EpochOffset().Offset
				continue
			}
			if at, ok := r.startOf(t); ok {
				ps[part] = kgo.NewOffset().At(at)
				starts[t] = at
			}
		}
	}
	r.send(ownerEvent{starts: starts})
	return offs, nil
}

// startOf is the exact offset a partition without committed offset starts at, when known.
func (r *run) startOf(t tp) (int64, bool) {
	if r.plan.starts != nil {
		v, ok := r.plan.starts[t]
		return v, ok
	}
	if r.s.o.start.kind == posOffsets {
		v, ok := r.s.o.start.offsets[t.part]
		return v, ok
	}
	return 0, false
}

func flatten(m map[string][]int32) []tp {
	var out []tp
	for topic, ps := range m {
		for _, p := range ps {
			out = append(out, tp{topic, p})
		}
	}
	return out
}

// describe prints partitions as "orders[0 1 2]".
func describe(m map[string][]int32) string {
	var parts []string
	for _, topic := range slices.Sorted(maps.Keys(m)) {
		ps := slices.Clone(m[topic])
		slices.Sort(ps)
		parts = append(parts, fmt.Sprintf("%s%v", topic, ps))
	}
	return strings.Join(parts, " ")
}
