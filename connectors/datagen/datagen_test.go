package datagen

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

type collector struct{ batches []*types.Batch }

func (c *collector) Emit(b *types.Batch) error     { c.batches = append(c.batches, b); return nil }
func (c *collector) Reject(connectors.ErrorRecord) {}

func (c *collector) lines() []string {
	var out []string
	for _, b := range c.batches {
		enc := format.NewJSONEncoder(b.Schema)
		for i := 0; i < b.Len; i++ {
			out = append(out, string(enc.AppendRow(nil, b, i)))
		}
	}
	return out
}

func generate(t *testing.T, s *types.Schema, opts map[string]string) *collector {
	t.Helper()
	if errs := connectors.DatagenSpec.Validate(opts, true); len(errs) > 0 {
		t.Fatalf("options: %v", errs)
	}
	src, err := NewSource(connectors.SourceConfig{Stream: "gen", Schema: s, Options: opts})
	if err != nil {
		t.Fatal(err)
	}
	c := &collector{}
	if err := src.Run(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

var sensors = &types.Schema{Fields: []types.Field{
	{Name: "id", Type: types.BigInt, NotNull: true},
	{Name: "site", Type: types.String},
	{Name: "temp", Type: types.Double},
	{Name: "price", Type: types.Decimal(8, 2)},
	{Name: "ok", Type: types.Bool},
	{Name: "tags", Type: types.ArrayOf(types.Int)},
	{Name: "ts", Type: types.Timestamp},
}, EventTime: true, TimeCol: 6}

func TestColumnsDeterministic(t *testing.T) {
	opts := map[string]string{"events": "2000", "seed": "7", "start": "2026-01-01T00:00:00Z", "interval": "1s",
		"fields.id.kind": "sequence", "fields.id.min": "10", "fields.id.step": "2",
		"fields.site.kind": "values", "fields.site.values": "north,south,null", "fields.temp.min": "-10", "fields.temp.max": "40",
		"fields.price.min": "1.50", "fields.price.max": "2", "fields.tags.length": "2", "fields.ok.null_rate": "0.5"}
	a, b := generate(t, sensors, opts), generate(t, sensors, opts)
	la, lb := a.lines(), b.lines()
	if len(la) != 2000 || strings.Join(la, "\n") != strings.Join(lb, "\n") {
		t.Fatalf("not deterministic or wrong count %d", len(la))
	}
	if !strings.HasPrefix(la[0], `{"id":10,"site":`) || !strings.HasSuffix(la[1], `"ts":"2026-01-01T00:00:01.000Z"}`) || !strings.Contains(la[1], `"id":12,`) {
		t.Errorf("first rows %s / %s", la[0], la[1])
	}
	nulls, sites := 0, map[string]bool{}
	bt := a.batches[0]
	for i := 0; i < bt.Len; i++ {
		if bt.Cols[4].IsNull(i) {
			nulls++
		}
		sites[string(format.AppendVectorValue(nil, bt.Cols[1], i))] = true
		temp, price := bt.Cols[2].F64[i], bt.Cols[3].I64[i]
		if temp < -10 || temp > 40 || price < 150 || price > 200 || bt.Time[i] != bt.Cols[6].I64[i] {
			t.Fatalf("row %d out of bounds: %v", i, bt.Row(i))
		}
	}
	if nulls < 400 || nulls > 624 || len(sites) != 3 {
		t.Errorf("null_rate 0.5 gave %d NULLs of 1024; sites %v", nulls, sites)
	}
	opts["seed"] = "8"
	if c := generate(t, sensors, opts).lines(); c[5] == la[5] {
		t.Errorf("another seed gave the same row %s", c[5])
	}
}

func TestNexmarkBid(t *testing.T) {
	s := types.NewSchema(append(nexmarkFields("bid"), types.Field{Name: "other", Type: types.Int})...)
	c := generate(t, s, map[string]string{"kind": "nexmark", "events": "100", "seed": "3", "interval": "100ms"})
	lines := c.lines()
	if len(lines) != 100 || !strings.Contains(lines[0], `"date_time":"2026-01-01T00:00:00.000Z"`) ||
		!strings.Contains(lines[10], `"date_time":"2026-01-01T00:00:01.000Z"`) || !strings.Contains(lines[0], `"url":"https://www.nexmark.com/`) {
		t.Errorf("rows %s\n%s", lines[0], lines[10])
	}
	b := c.batches[0]
	for i := 0; i < b.Len; i++ {
		auction, price := b.Cols[0].I64[i], b.Cols[2].I64[i]
		if auction < 1000 || auction > 1000+int64(i)/16 || price < 100 || price > 100000000 {
			t.Fatalf("row %d: %v", i, b.Row(i))
		}
	}
}

func TestNexmarkAuctionReserve(t *testing.T) {
	c := generate(t, Schema("auction"), map[string]string{"kind": "nexmark", "nexmark.event": "auction", "events": "50"})
	b := c.batches[0]
	for i := 0; i < b.Len; i++ {
		if b.Cols[0].I64[i] != 1000+int64(i) || b.Cols[4].I64[i] < b.Cols[3].I64[i] || b.Cols[6].I64[i] <= b.Cols[5].I64[i] {
			t.Fatalf("row %d: %v", i, b.Row(i))
		}
	}
}

func TestRateAndCancel(t *testing.T) {
	s := types.NewSchema(types.Field{Name: "n", Type: types.BigInt})
	began := time.Now()
	c := generate(t, s, map[string]string{"events": "30", "rate": "100"})
	if el := time.Since(began); el < 190*time.Millisecond || len(c.lines()) != 30 || len(c.batches) != 3 {
		t.Errorf("30 events at 100/s took %v in %d batches", el, len(c.batches))
	}
	src, _ := NewSource(connectors.SourceConfig{Stream: "gen", Schema: s, Options: map[string]string{}})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := src.Run(ctx, &collector{}); err != context.DeadlineExceeded {
		t.Errorf("unbounded source ended with %v", err)
	}
}

func TestConfigErrors(t *testing.T) {
	for opts, want := range map[string]string{
		"fields.tmp.kind=random":                   "datagen source gen: fields.tmp.kind: no column tmp (did you mean temp?)",
		"fields.temp.kind=values":                  "datagen source gen: column temp: kind values needs fields.<column>.values",
		"fields.id.kind=values,fields.id.values=x": `datagen source gen: column id: value "x": expected BIGINT, found "x"`,
		"fields.ok.null_rate=2":                    "datagen source gen: fields.ok.null_rate: expected a fraction between 0 and 1, found 2",
	} {
		m := map[string]string{}
		for _, kv := range strings.Split(opts, ",") {
			k, v, _ := strings.Cut(kv, "=")
			m[k] = v
		}
		if _, err := NewSource(connectors.SourceConfig{Stream: "gen", Schema: sensors, Options: m}); err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", opts, err, want)
		}
	}
}

// BenchmarkDatagen reports events/s of a 5-column column-driven source.
func BenchmarkDatagen(b *testing.B) {
	s := types.NewSchema(
		types.Field{Name: "id", Type: types.BigInt}, types.Field{Name: "site", Type: types.String},
		types.Field{Name: "temp", Type: types.Double}, types.Field{Name: "n", Type: types.Int},
		types.Field{Name: "ts", Type: types.Timestamp})
	const n = 200000
	for b.Loop() {
		src, err := NewSource(connectors.SourceConfig{Stream: "gen", Schema: s, Options: map[string]string{"events": "200000",
			"fields.site.kind": "values", "fields.site.values": "a,b,c", "fields.id.kind": "sequence"}})
		if err != nil {
			b.Fatal(err)
		}
		if err := src.Run(context.Background(), &collector{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "events/s")
}
