package kafka

import (
	"strings"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// TestNewSourceErrors checks option and column errors reported before anything connects.
func TestNewSourceErrors(t *testing.T) {
	cases := []struct {
		opts   map[string]string
		fields []types.Field
		want   string
	}{
		{map[string]string{"topic": "/orders(/"}, nil, "option topic: invalid regular expression"},
		{map[string]string{"topic": "t", "start": "0:x"}, nil, "option start: expected earliest, latest, a timestamp or offsets"},
		{map[string]string{"topic": "t", "end": "earliest"}, nil, "option end: expected latest or a timestamp"},
		{map[string]string{"topic": "t", "format": "avro"}, nil, "format avro is not supported by the kafka connector yet"},
		{map[string]string{"topic": "t", "key": "nope"}, nil, "option key: the stream has no column nope"},
		{map[string]string{"topic": "t"}, []types.Field{{Name: "_offset", Type: types.String}}, "column _offset STRING: a Kafka metadata column must be INT or BIGINT"},
		{map[string]string{"topic": "t"}, []types.Field{{Name: "_headers", Type: types.MapOf(types.Double)}}, "must be MAP<STRING,STRING> or MAP<STRING,BYTES>"},
	}
	for _, c := range cases {
		_, err := NewSource(connectors.SourceConfig{Stream: "s", Schema: ordersSchema(c.fields...), Options: c.opts})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "kafka source s: ") {
			t.Errorf("%v %v: error %v, want %q", c.opts, c.fields, err, c.want)
		}
	}
	only := &types.Schema{Fields: []types.Field{{Name: "_key", Type: types.String}}, TimeCol: -1}
	if _, err := NewSource(connectors.SourceConfig{Stream: "s", Schema: only, Options: map[string]string{"topic": "t"}}); err == nil {
		t.Error("a stream of metadata columns only was accepted")
	}
	bad := &types.Schema{Fields: []types.Field{{Name: "a", Type: types.String}, {Name: "_offset", Type: types.BigInt}}, EventTime: true, TimeCol: 1}
	if _, err := NewSource(connectors.SourceConfig{Stream: "s", Schema: bad, Options: map[string]string{"topic": "t"}}); err == nil ||
		!strings.Contains(err.Error(), "the watermark column _offset must be a column of the record value or _timestamp") {
		t.Errorf("watermark on _offset: %v", err)
	}
}

func TestBrokersAndTopics(t *testing.T) {
	t.Setenv(BrokersEnv, "")
	if got := brokers(map[string]string{}); strings.Join(got, ",") != DefaultBrokers {
		t.Errorf("default brokers %v", got)
	}
	t.Setenv(BrokersEnv, "a:1, b:2")
	if got := brokers(map[string]string{}); strings.Join(got, ",") != "a:1,b:2" {
		t.Errorf("env brokers %v", got)
	}
	if got := brokers(map[string]string{"BROKERS": "c:3"}); strings.Join(got, ",") != "c:3" {
		t.Errorf("option brokers %v", got)
	}
	tp, err := parseTopics(`/orders\..*/`)
	if err != nil || tp.String() != `/orders\..*/` || !tp.regex.MatchString("orders.eu") || tp.regex.MatchString("xorders.eu") {
		t.Errorf("regex topics: %v %v", tp, err)
	}
	if tp, _ := parseTopics(" a, b ,"); tp.String() != "a,b" {
		t.Errorf("list topics: %v", tp)
	}
}
