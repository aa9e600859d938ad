package kafka

import (
	"context"
	"fmt"
	"slices"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
)

// plan is what a source knows before it consumes: the topics, and for a source that sets its
// own positions (no group, or a bounded replay) the offset each partition starts at and, when
// bounded, stops before.
type plan struct {
	topics []string
	starts map[tp]int64 // nil: the group's committed offsets, else the reset offset
	ends   map[tp]int64 // nil: never stop
}

// resolve computes the plan with a short-lived admin client, retrying while the brokers cannot
// be reached or the topics do not exist yet.
func (s *Source) resolve(ctx context.Context) (*plan, error) {
	if s.o.group != "" && !s.o.bounded() {
		return &plan{}, nil
	}
	cl, err := kgo.NewClient(baseOpts(s.name, s.o.brokers)...)
	if err != nil {
		return nil, errorf(s.name, "%v", err)
	}
	defer cl.Close()
	adm := kadm.NewClient(cl)
	p := &plan{}
	err = retry(ctx, s.name, "list the partitions of "+s.o.topics.String(), func(ctx context.Context) error {
		var err error
		p.topics, err = s.listTopics(ctx, adm)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = retry(ctx, s.name, "list the offsets of "+s.o.topics.String(), func(ctx context.Context) error {
		return s.listOffsets(ctx, adm, p)
	})
	return p, err
}

// listTopics returns the topics named by the `topic` option that exist (every one named must).
func (s *Source) listTopics(ctx context.Context, adm *kadm.Client) ([]string, error) {
	if s.o.topics.regex == nil {
		tds, err := adm.ListTopics(ctx, s.o.topics.names...)
		if err != nil {
			return nil, err
		}
		if err := tds.Error(); err != nil {
			return nil, fmt.Errorf("topic %s: %w", s.o.topics, err)
		}
		return s.o.topics.names, nil
	}
	tds, err := adm.ListTopics(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, name := range tds.Names() {
		if s.o.topics.regex.MatchString(name) {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no topic matches %s", s.o.topics)
	}
	slices.Sort(out)
	return out, nil
}

// listOffsets fills the plan's start and end offsets.
func (s *Source) listOffsets(ctx context.Context, adm *kadm.Client, p *plan) error {
	starts, err := listPosition(ctx, adm, s.o.start, p.topics)
	if err != nil {
		return err
	}
	p.starts = starts
	if s.o.bounded() {
		if p.ends, err = listPosition(ctx, adm, s.o.end, p.topics); err != nil {
			return err
		}
	}
	return nil
}

// listPosition returns the offset of pos in every partition of topics.
func listPosition(ctx context.Context, adm *kadm.Client, pos position, topics []string) (map[tp]int64, error) {
	var lo kadm.ListedOffsets
	var err error
	switch pos.kind {
	case posLatest:
		lo, err = adm.ListEndOffsets(ctx, topics...)
	case posTime:
		lo, err = adm.ListOffsetsAfterMilli(ctx, pos.millis, topics...)
	default:
		lo, err = adm.ListStartOffsets(ctx, topics...)
	}
	if err == nil {
		err = lo.Error()
	}
	if err != nil {
		return nil, err
	}
	out := map[tp]int64{}
	lo.Each(func(o kadm.ListedOffset) {
		out[tp{o.Topic, o.Partition}] = o.Offset
		if at, ok := pos.offsets[o.Partition]; ok && pos.kind == posOffsets {
			out[tp{o.Topic, o.Partition}] = at
		}
	})
	return out, nil
}

// consumeOpts are the options that say what the consumer reads and from where.
func (s *Source) consumeOpts(p *plan) []kgo.Opt {
	if s.o.group == "" {
		return []kgo.Opt{kgo.ConsumePartitions(exactOffsets(p.starts))}
	}
	opts := []kgo.Opt{kgo.ConsumerGroup(s.o.group), kgo.ConsumeResetOffset(s.resetOffset())}
	switch {
	case p.topics != nil:
		opts = append(opts, kgo.ConsumeTopics(p.topics...))
	case s.o.topics.regex != nil:
		opts = append(opts, kgo.ConsumeRegex(), kgo.ConsumeTopics(s.o.topics.regex.String()))
	default:
		opts = append(opts, kgo.ConsumeTopics(s.o.topics.names...))
	}
	return opts
}

// resetOffset is where a group member starts a partition without a committed offset (before
// an exact start from the plan or from explicit offsets replaces it).
func (s *Source) resetOffset() kgo.Offset {
	switch s.o.start.kind {
	case posLatest:
		return kgo.NewOffset().AtEnd()
	case posTime:
		return kgo.NewOffset().AfterMilli(s.o.start.millis)
	}
	return kgo.NewOffset().AtStart()
}

func exactOffsets(m map[tp]int64) map[string]map[int32]kgo.Offset {
	out := map[string]map[int32]kgo.Offset{}
	for p, off := range m {
		if out[p.topic] == nil {
			out[p.topic] = map[int32]kgo.Offset{}
		}
		out[p.topic][p.part] = kgo.NewOffset().At(off)
	}
	return out
}
