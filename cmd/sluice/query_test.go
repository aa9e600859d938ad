package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/file"
	"github.com/sluicedata/sluice/types"
)

// writeTestLake writes a small partitioned Parquet sink "orders" under dir/lake.
func writeTestLake(t *testing.T, dir string) string {
	t.Helper()
	s := types.NewSchema(types.Field{Name: "id", Type: types.BigInt}, types.Field{Name: "country", Type: types.String},
		types.Field{Name: "amount", Type: types.Decimal(10, 2)}, types.Field{Name: "ts", Type: types.Timestamp})
	sk, err := file.NewLakeSink(connectors.SinkConfig{Sink: "orders", Schema: s, BaseDir: dir,
		Options: map[string]string{"path": "lake/orders", "format": "parquet", "partition_by": "country,dt"}})
	if err != nil {
		t.Fatal(err)
	}
	b := types.NewBatch(s, 3)
	for _, r := range [][]any{{int64(1), "DE", int64(1050), int64(1764064800000)}, {int64(2), "FR", int64(99), int64(1764068400500)}, {int64(3), "DE", nil, int64(1764072000000)}} {
		for c, v := range r {
			b.Cols[c].AppendValue(v)
		}
		b.Time = append(b.Time, r[3].(int64))
	}
	b.Len = 3
	ctx := context.Background()
	if err := sk.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := sk.Close(ctx); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "lake")
}

func runCmd(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := dispatch(args, &out, &errb)
	return out.String(), errb.String(), code
}

func TestQueryCommand(t *testing.T) {
	root := writeTestLake(t, t.TempDir())
	sql := "SELECT id, country, amount, ts FROM lake.orders ORDER BY id"
	out, errs, code := runCmd("query", "--lake", root, sql, "--format", "json")
	want := `{"id":1,"country":"DE","amount":10.50,"ts":"2025-11-25T10:00:00.000Z"}
{"id":2,"country":"FR","amount":0.99,"ts":"2025-11-25T11:00:00.500Z"}
{"id":3,"country":"DE","amount":null,"ts":"2025-11-25T12:00:00.000Z"}
`
	if code != 0 || out != want {
		t.Errorf("json: code %d\n%s\nstderr %s", code, out, errs)
	}
	out, _, _ = runCmd("query", "--lake", root, "--format", "csv", "SELECT country, sum(amount) AS total FROM lake.orders GROUP BY country ORDER BY country")
	if out != "country,total\nDE,10.50\nFR,0.99\n" {
		t.Errorf("csv:\n%s", out)
	}
	t.Setenv("SLUICE_LAKE", root)
	out, _, _ = runCmd("query", "SELECT count(*) AS n, min(dt) AS first FROM lake.orders")
	if out != "n | first\n- | ----------\n3 | 2025-11-25\n(1 row)\n" {
		t.Errorf("table:\n%q", out)
	}
}

func TestQueryCommandErrors(t *testing.T) {
	root := writeTestLake(t, t.TempDir())
	_, errs, code := runCmd("query", "--lake", root, "SELECT * FROM lake.missing")
	if code != 1 || !strings.HasPrefix(errs, "Catalog Error: Table with name missing does not exist!") {
		t.Errorf("code %d stderr %s", code, errs)
	}
	_, errs, code = runCmd("query", "--lake", "s3://bucket/lake/", "SELECT 1")
	if code != 1 || !strings.Contains(errs, "s3 lakes arrive with the S3 connector") {
		t.Errorf("s3: code %d stderr %s", code, errs)
	}
	if _, _, code = runCmd("query", "--format", "xml", "SELECT 1"); code != 2 {
		t.Errorf("bad format: code %d", code)
	}
}

func TestLakeCommands(t *testing.T) {
	dir := t.TempDir()
	root := writeTestLake(t, dir)
	out, _, code := runCmd("lake", "tables", "--lake", root)
	if code != 0 || out != "lake.orders\torders (2 files)\n" {
		t.Errorf("tables: %d %q", code, out)
	}
	q := filepath.Join(dir, "q.sql")
	os.WriteFile(q, []byte(`CREATE STREAM orders (id BIGINT, country STRING, amount DECIMAL(10,2), ts TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (connector = 'file', path = 'orders.jsonl', format = 'json');
CREATE SINK lake_orders FROM orders WITH (connector = 'file', path = 'lake/orders', format = 'parquet', partition_by = 'dt,hour');
CREATE SINK copy FROM orders WITH (connector = 'file', path = 'out/copy.jsonl', format = 'json');
`), 0o644)
	out, errs, code := runCmd("lake", "ddl", "--athena", q, "--location", "s3://bucket/sluice/", "--database", "analytics")
	for _, want := range []string{"CREATE EXTERNAL TABLE IF NOT EXISTS `analytics`.`lake_orders` (\n  `id` bigint,\n  `country` string,\n  `amount` decimal(10,2),\n  `ts` timestamp\n)",
		"LOCATION 's3://bucket/sluice/lake/orders/'", "'storage.location.template' = 's3://bucket/sluice/lake/orders/dt=${dt}/hour=${hour}/'"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("athena lacks %q: code %d\n%s\n%s", want, code, out, errs)
		}
	}
	if strings.Contains(out, "copy") {
		t.Errorf("a single JSON file sink got a table:\n%s", out)
	}
	out, _, code = runCmd("lake", "ddl", "--glue", q)
	if code != 0 || !strings.Contains(out, `"Name": "lake_orders"`) || !strings.Contains(out, `"DatabaseName": "default"`) {
		t.Errorf("glue: %d\n%s", code, out)
	}
	_, errs, code = runCmd("lake", "ddl", "--athena", filepath.Join(dir, "missing.sql"))
	if code != 1 || !strings.Contains(errs, "missing.sql") {
		t.Errorf("missing file: %d %s", code, errs)
	}
}
