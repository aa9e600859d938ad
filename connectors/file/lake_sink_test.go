package file

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/lake"
	"github.com/sluicedata/sluice/types"
)

// lakeSchema is the readings schema of these tests.
func lakeSchema() *types.Schema {
	return types.NewSchema(
		types.Field{Name: "sensor", Type: types.String, NotNull: true},
		types.Field{Name: "site", Type: types.String},
		types.Field{Name: "temp", Type: types.Double},
		types.Field{Name: "humidity", Type: types.Int},
		types.Field{Name: "ts", Type: types.Timestamp},
	)
}

func lakeBatch(s *types.Schema) *types.Batch {
	b := types.NewBatch(s, 2)
	for _, r := range [][]any{{"s01", "a/b", 1.5, nil, int64(3_600_000)}, {"s02", nil, 2.5, int64(1), int64(7_200_000)}} {
		for c, v := range r {
			b.Cols[c].AppendValue(v)
		}
	}
	b.Len, b.Time = 2, []int64{3_600_000, 7_200_000}
	return b
}

func TestNewSinkRoutesToLake(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	s := lakeSchema()
	sk, err := NewSink(connectors.SinkConfig{Sink: "r", Schema: s, BaseDir: base,
		Options: map[string]string{"path": "out/r", "format": "parquet", "partition_by": "site,hour", "compression": "snappy", "row_group_size": "10"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := sk.Write(ctx, lakeBatch(s)); err != nil {
		t.Fatal(err)
	}
	if err := sk.(connectors.WatermarkSink).Watermark(ctx, 7_200_000); err != nil {
		t.Fatal(err)
	}
	if err := sk.Close(ctx); err != nil {
		t.Fatal(err)
	}
	for _, glob := range []string{"out/r/site=a%2Fb/hour=01/part-*.parquet", "out/r/site=a%2Fb/hour=01/_SUCCESS",
		"out/r/site=__HIVE_DEFAULT_PARTITION__/hour=02/part-*.parquet", "out/r/_sluice/manifest.json"} {
		if m, _ := filepath.Glob(filepath.Join(base, glob)); len(m) != 1 {
			t.Errorf("%s: %v", glob, m)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(base, "out/r/site=__HIVE_DEFAULT_PARTITION__/hour=02/_SUCCESS")); len(m) != 0 {
		t.Errorf("hour 02 marked complete at watermark 02:00")
	}
	st, _ := lake.NewLocalStore(filepath.Join(base, "out/r"))
	m, err := lake.ReadManifest(ctx, st, "")
	if err != nil || m.Sink != "r" || m.Options["compression"] != "snappy" || len(m.Columns) != len(s.Fields) {
		t.Fatalf("manifest %+v %v", m, err)
	}
}

func TestSingleParquetFile(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	s := lakeSchema()
	sk, err := NewSink(connectors.SinkConfig{Sink: "r", Schema: s, BaseDir: base, Options: map[string]string{"path": "one.parquet", "format": "parquet"}})
	if err != nil {
		t.Fatal(err)
	}
	sk.Write(ctx, lakeBatch(s))
	if _, err := os.Stat(filepath.Join(base, "one.parquet")); !os.IsNotExist(err) {
		t.Fatalf("file visible before Close: %v", err)
	}
	if err := sk.Close(ctx); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(base, "one.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	pf, err := pq.OpenFile(f, st.Size())
	if err != nil || pf.NumRows() != 2 || len(pf.Schema().Columns()) != len(s.Fields) {
		t.Fatalf("parquet file: %v", err)
	}
}

func TestLakeSinkOptionErrors(t *testing.T) {
	s := lakeSchema()
	for opts, want := range map[string]string{
		"format=parquet,partition_by=nope":    `unknown column "nope"`,
		"format=parquet,compression=lzo":      "unknown compression",
		"format=json,roll_rows=-1":            "roll_rows",
		"format=parquet,row_group_size=x":     "row_group_size",
		"format=parquet,path=s3://b/p/":       "s3 lakes arrive with the S3 connector",
		"format=json,roll_interval=soon":      "roll_interval",
		"format=parquet,roll_size=lots,path=": "roll_size",
	} {
		o := map[string]string{"path": "out"}
		for _, kv := range strings.Split(opts, ",") {
			k, v, _ := strings.Cut(kv, "=")
			o[k] = v
		}
		_, err := NewLakeSink(connectors.SinkConfig{Sink: "x", Schema: s, Options: o, BaseDir: t.TempDir()})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", opts, err, want)
		}
	}
}
