package kafka

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/sluicedata/sluice/connectors"
)

// BrokersEnv names the environment variable that gives the brokers when a query, or a
// kafka:// error sink, does not.
const BrokersEnv = "SLUICE_KAFKA_BROKERS"

// DefaultBrokers is used when neither the option nor BrokersEnv is set.
const DefaultBrokers = "localhost:9092"

// option returns the value of option name as written (case-insensitive), or "".
func option(opts map[string]string, name string) (string, bool) {
	for k, v := range opts {
		if strings.EqualFold(k, name) {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// get returns an option's value or its spec default (enum values lower-cased).
func get(opts map[string]string, name string) string {
	return strings.TrimSpace(connectors.KafkaSpec.Get(opts, name))
}

// brokers returns the seed brokers: the option, else $SLUICE_KAFKA_BROKERS, else localhost:9092.
func brokers(opts map[string]string) []string {
	v, ok := option(opts, "brokers")
	if !ok || v == "" {
		v = os.Getenv(BrokersEnv)
	}
	if v == "" {
		v = DefaultBrokers
	}
	return splitList(v)
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(v string) []string {
	var out []string
	for s := range strings.SplitSeq(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// topics is what a source reads: a list of topic names or a regular expression.
type topics struct {
	names []string
	regex *regexp.Regexp // set for `/re/`: every topic whose whole name matches
}

// parseTopics reads the `topic` option: `name`, `a,b,c`, or `/regex/`.
func parseTopics(v string) (topics, error) {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && strings.HasPrefix(v, "/") && strings.HasSuffix(v, "/") {
		re, err := regexp.Compile("^(?:" + v[1:len(v)-1] + ")$")
		if err != nil {
			return topics{}, fmt.Errorf("option topic: invalid regular expression %s: %v", v, err)
		}
		return topics{regex: re}, nil
	}
	names := splitList(v)
	if len(names) == 0 {
		return topics{}, fmt.Errorf("option topic: no topic named")
	}
	return topics{names: names}, nil
}

// String is the topics as written in messages.
func (t topics) String() string {
	if t.regex != nil {
		re := t.regex.String()
		return "/" + re[len("^(?:"):len(re)-len(")$")] + "/"
	}
	return strings.Join(t.names, ",")
}

// position is a parsed `start` or `end`.
type position struct {
	kind    posKind
	millis  int64           // posTime
	offsets map[int32]int64 // posOffsets
}

type posKind uint8

const (
	posNone posKind = iota
	posEarliest
	posLatest
	posTime
	posOffsets
)

// parsePosition reads `earliest`, `latest`, a timestamp, or (for start) `partition:offset,…`.
func parsePosition(name, v string, offsets bool) (position, error) {
	switch strings.ToLower(v) {
	case "":
		return position{}, nil
	case "earliest":
		return position{kind: posEarliest}, nil
	case "latest":
		return position{kind: posLatest}, nil
	}
	if ms, err := connectors.ParseTime(v); err == nil {
		return position{kind: posTime, millis: ms}, nil
	}
	if offsets {
		if m, err := connectors.ParseKafkaOffsets(v); err == nil {
			return position{kind: posOffsets, offsets: m}, nil
		}
		return position{}, fmt.Errorf("option %s: %s", name, connectors.CheckKafkaStart(v))
	}
	return position{}, fmt.Errorf("option %s: expected latest or a timestamp, found '%s'", name, v)
}

// sourceOptions are a source's validated options.
type sourceOptions struct {
	brokers        []string
	topics         topics
	group          string
	start, end     position
	format         string
	keyCol         string
	idleTimeout    time.Duration
	commitInterval time.Duration
	sessionTimeout time.Duration
}

func parseSourceOptions(opts map[string]string) (*sourceOptions, error) {
	o := &sourceOptions{brokers: brokers(opts), group: get(opts, "group_id"), format: get(opts, "format"),
		keyCol: get(opts, "key")}
	var err error
	if o.topics, err = parseTopics(get(opts, "topic")); err != nil {
		return nil, err
	}
	if o.start, err = parsePosition("start", get(opts, "start"), true); err != nil {
		return nil, err
	}
	if o.end, err = parsePosition("end", get(opts, "end"), false); err != nil {
		return nil, err
	}
	if o.end.kind == posEarliest {
		return nil, fmt.Errorf("option end: expected latest or a timestamp, found 'earliest'")
	}
	return o, o.durations(opts)
}

func (o *sourceOptions) durations(opts map[string]string) error {
	for _, d := range []struct {
		name string
		dst  *time.Duration
	}{{"idle_timeout", &o.idleTimeout}, {"commit_interval", &o.commitInterval}, {"session_timeout", &o.sessionTimeout}} {
		v, err := connectors.ParseDuration(get(opts, d.name))
		if err != nil {
			return fmt.Errorf("option %s: %v", d.name, err)
		}
		*d.dst = v
	}
	return nil
}

// bounded reports whether the source stops by itself (`end` is set).
func (o *sourceOptions) bounded() bool { return o.end.kind != posNone }
