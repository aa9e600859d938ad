package kafka

import (
	"maps"
	"sync"

	"github.com/twmb/franz-go/pkg/kgo"
)

// progress tracks, for every partition the source owns, the offsets it has emitted and the
// offsets acknowledged as durable downstream. Ownership has a generation: a partition revoked
// and assigned again gets a new one, so that batches, snapshots and acknowledgements from the
// earlier ownership are recognised and ignored. It is shared by the emitter, the poller and
// the group callbacks.
type progress struct {
	mu      sync.Mutex
	gen     int64
	owned   map[tp]int64 // partition -> generation of its current ownership
	emitted map[tp]kgo.EpochOffset
	acked   map[tp]kgo.EpochOffset
}

func newProgress() *progress {
	return &progress{owned: map[tp]int64{}, emitted: map[tp]kgo.EpochOffset{}, acked: map[tp]kgo.EpochOffset{}}
}

// snapshot is the emitted offsets at one moment, with the ownership they belong to.
type snapshot map[tp]owned

type owned struct {
	gen    int64
	offset kgo.EpochOffset
}

// assign takes ownership of partitions under a new generation, which it returns.
func (p *progress) assign(parts []tp) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen++
	for _, t := range parts {
		p.owned[t] = p.gen
	}
	return p.gen
}

// revoke gives partitions up and returns their acknowledged offsets (to commit before they go).
func (p *progress) revoke(parts []tp) map[tp]kgo.EpochOffset {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[tp]kgo.EpochOffset{}
	for _, t := range parts {
		if a, ok := p.acked[t]; ok {
			out[t] = a
		}
		delete(p.owned, t)
		delete(p.emitted, t)
		delete(p.acked, t)
	}
	return out
}

// generation returns the generation of a partition's ownership (0: not owned).
func (p *progress) generation(t tp) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.owned[t]
}

// emit records that everything before next (in partition t, ownership gen) has been emitted.
func (p *progress) emit(t tp, gen int64, next kgo.EpochOffset) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.owned[t] == gen {
		p.emitted[t] = next
	}
}

// snap returns the emitted offsets now.
func (p *progress) snap() snapshot {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := snapshot{}
	for t, off := range p.emitted {
		s[t] = owned{gen: p.owned[t], offset: off}
	}
	return s
}

// ack records a snapshot as durable and returns the offsets to commit: those of partitions
// still owned under the snapshot's generation that moved forward.
func (p *progress) ack(s snapshot) map[tp]kgo.EpochOffset {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[tp]kgo.EpochOffset{}
	for t, o := range s {
		if p.owned[t] != o.gen || o.offset.Offset <= p.acked[t].Offset {
			continue
		}
		p.acked[t] = o.offset
		out[t] = o.offset
	}
	return out
}

// ackAll acknowledges everything emitted (the run ended normally) and returns it.
func (p *progress) ackAll() map[tp]kgo.EpochOffset {
	p.mu.Lock()
	defer p.mu.Unlock()
	maps.Copy(p.acked, p.emitted)
	return maps.Clone(p.acked)
}

// commitMap converts offsets to what franz-go commits.
func commitMap(m map[tp]kgo.EpochOffset) map[string]map[int32]kgo.EpochOffset {
	out := map[string]map[int32]kgo.EpochOffset{}
	for t, o := range m {
		if out[t.topic] == nil {
			out[t.topic] = map[int32]kgo.EpochOffset{}
		}
		out[t.topic][t.part] = o
	}
	return out
}
