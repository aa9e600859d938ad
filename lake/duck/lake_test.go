package duck

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/lake"
	"github.com/sluicedata/sluice/types"
)

var kv = types.NewSchema(types.Field{Name: "k", Type: types.String}, types.Field{Name: "n", Type: types.BigInt}, types.Field{Name: "amount", Type: types.Decimal(12, 2)})

// TestPartitionEscapingStaysInside writes hostile partition values: every file stays inside the
// sink's folder and DuckDB reads the values back (empty and NULL as NULL, Hive's convention).
func TestPartitionEscapingStaysInside(t *testing.T) {
	root := t.TempDir()
	sinkDir := filepath.Join(root, "lake", "esc")
	vals := []any{"../x", "a/b", "", nil, "..", `c:\d`, ".", "../../../../etc/passwd", "100%", "x=y"}
	var rows [][]any
	for i, v := range vals {
		rows = append(rows, []any{v, int64(i), int64(i * 100)})
	}
	writeSink(t, "esc", root, kv, map[string]string{"path": "lake/esc", "format": "parquet", "partition_by": "k"}, batchOf(kv, rows, make([]int64, len(rows)), 1))
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if !d.IsDir() && !strings.HasPrefix(p, sinkDir+string(filepath.Separator)) {
			t.Errorf("file outside the sink: %s", p)
		}
		return nil
	})
	db := open(t, filepath.Join(root, "lake"))
	r := query(t, db, "SELECT k, n FROM lake.esc ORDER BY n")
	for i, v := range vals {
		if v == "" {
			v = nil
		}
		if r.Rows[i][0] != v || r.Rows[i][1] != int64(i) {
			t.Errorf("row %d: got %v, want %v", i, r.Rows[i], v)
		}
	}
}

// TestCountsAndSumsAndPruning checks counts and sums against the input and that a filter on a
// partition column reads only that partition's files.
func TestCountsAndSumsAndPruning(t *testing.T) {
	root := t.TempDir()
	var batches []*types.Batch
	var sum, n int64
	for b := 0; b < 3; b++ {
		var rows [][]any
		var ts []int64
		for i := 0; i < 1000; i++ {
			x := int64(b*1000 + i)
			rows = append(rows, []any{[]string{"DE", "FR", "US"}[x%3], x, x * 7})
			ts = append(ts, x*60_000) // one row a minute: ~83 hours
			sum += x * 7
			n++
		}
		batches = append(batches, batchOf(kv, rows, ts, int64(b*1000)))
	}
	writeSink(t, "orders", root, kv, map[string]string{"path": "lake/orders", "format": "parquet", "partition_by": "dt,hour,k", "roll_rows": "7"}, batches...)
	db := open(t, filepath.Join(root, "lake"))
	r := query(t, db, "SELECT count(*), sum(amount), count(DISTINCT n) FROM lake.orders")
	if r.Rows[0][0] != n || r.Rows[0][1] != sum || r.Rows[0][2] != n {
		t.Fatalf("count/sum %v; want %d, %d (DECIMAL unscaled)", r.Rows[0], n, sum)
	}
	plan := query(t, db, "EXPLAIN ANALYZE SELECT count(*) FROM lake.orders WHERE dt = '1970-01-01' AND hour = '05' AND k = 'DE'")
	text := ""
	for _, row := range plan.Rows {
		text += r.Text(0, row[len(row)-1])
	}
	if !strings.Contains(text, "Total Files Read: 3") {
		t.Errorf("partition pruning: expected 3 files read (20 rows in 7-row files):\n%s", text)
	}
	if _, err := os.Stat(filepath.Join(root, "lake/orders/dt=1970-01-01/hour=05", lake.SuccessName)); err != nil {
		t.Errorf("no _SUCCESS after the final watermark: %v", err)
	}
}

func TestOutputFormats(t *testing.T) {
	db := open(t, t.TempDir())
	r := query(t, db, `SELECT 1::INTEGER AS i, 2.50::DECIMAL(5,2) AS d, 'a,"b"' AS s, NULL AS n,
		TIMESTAMPTZ '2026-11-25 10:00:00.5+00' AS ts, DATE '2026-11-25' AS day, [1, 2] AS l,
		{'z': 1, 'a': 'x'} AS st, MAP {'k': 1.5} AS m, 'ab'::BLOB AS b, 0.1::DOUBLE AS f, 2::HUGEINT * 3 AS h`)
	var js, csv, tbl bytes.Buffer
	r.WriteJSON(&js)
	r.WriteCSV(&csv)
	r.WriteTable(&tbl)
	wantJSON := `{"i":1,"d":2.50,"s":"a,\"b\"","n":null,"ts":"2026-11-25T10:00:00.500Z","day":"2026-11-25","l":[1,2],"st":{"z":1,"a":"x"},"m":{"k":1.5},"b":"YWI=","f":0.1,"h":6}` + "\n"
	if js.String() != wantJSON {
		t.Errorf("json:\n got %s\nwant %s", js.String(), wantJSON)
	}
	wantCSV := "i,d,s,n,ts,day,l,st,m,b,f,h\n1,2.50,\"a,\"\"b\"\"\",,2026-11-25T10:00:00.500Z,2026-11-25,\"[1,2]\",\"{\"\"z\"\":1,\"\"a\"\":\"\"x\"\"}\",\"{\"\"k\"\":1.5}\",YWI=,0.1,6\n"
	if csv.String() != wantCSV {
		t.Errorf("csv:\n got %q\nwant %q", csv.String(), wantCSV)
	}
	wantTable := "i | d    | s     | n    | ts                       | day        | l     | st              | m         | b    | f   | h\n" +
		"- | ---- | ----- | ---- | ------------------------ | ---------- | ----- | --------------- | --------- | ---- | --- | -\n" +
		"1 | 2.50 | a,\"b\" | NULL | 2026-11-25T10:00:00.500Z | 2026-11-25 | [1,2] | {\"z\":1,\"a\":\"x\"} | {\"k\":1.5} | YWI= | 0.1 | 6\n(1 row)\n"
	if tbl.String() != wantTable {
		t.Errorf("table:\n got %s\nwant %s", tbl.String(), wantTable)
	}
}

func TestErrorsViewAndEmptySink(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "errors", "orders"), 0o755)
	os.WriteFile(filepath.Join(root, "errors", "orders", "orders-1.jsonl"), []byte(
		`{"source":"orders","reason":"decode","message":"bad","position":"orders.jsonl:2","raw":"{x","at":"2026-11-25T10:00:00.000Z"}`+"\n"+
			`{"source":"orders","reason":"late","message":"late","position":"orders.jsonl:9","raw":"{}","at":"2026-11-25T10:00:01.000Z"}`+"\n"+
			`{"source":"orders","reason":"deco`), 0o644)
	st, _ := lake.NewLocalStore(filepath.Join(root, "empty"))
	p, _ := lake.ParsePartitionBy("dt", kv)
	lake.WriteManifest(context.Background(), st, "", lake.NewManifest("empty", lake.Format{Name: "parquet", Ext: ".parquet"}, kv, p, nil))
	db := open(t, root)
	r := query(t, db, "SELECT reason, position FROM errors.orders ORDER BY position")
	if len(r.Rows) != 2 || r.Rows[0][0] != "decode" || r.Rows[1][1] != "orders.jsonl:9" {
		t.Errorf("errors view: %v", r.Rows)
	}
	r = query(t, db, "SELECT * FROM lake.empty")
	if len(r.Rows) != 0 || strings.Join(r.Columns, ",") != "k,n,amount,dt" {
		t.Errorf("empty sink: %v %v", r.Columns, r.Rows)
	}
	if got := len(db.Tables()); got != 2 {
		t.Errorf("tables %v", db.Tables())
	}
}

func TestErrorsArePlain(t *testing.T) {
	db := open(t, t.TempDir())
	_, err := db.Query(context.Background(), "SELECT * FROM lake.nope")
	if err == nil || !strings.HasPrefix(err.Error(), "Catalog Error: Table with name nope does not exist") {
		t.Errorf("got %v", err)
	}
	if _, err := Open("s3://bucket/lake/"); !errors.Is(err, lake.ErrS3NotYet) {
		t.Errorf("s3: %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("missing root: %v", err)
	}
}

func TestSluiceType(t *testing.T) {
	for in, want := range map[string]string{
		`STRUCT(y DOUBLE, "a ""b""" INTEGER[])`: `STRUCT<y DOUBLE, "a ""b""" ARRAY<INT>>`,
		`MAP(VARCHAR, DECIMAL(38,2))`:           `MAP<STRING,DECIMAL(18,2)>`,
		`TIMESTAMP WITH TIME ZONE[][]`:          `ARRAY<ARRAY<TIMESTAMP>>`,
		`INTEGER[3]`:                            `ARRAY<INT>`,
		`UUID`:                                  `STRING`,
		`HUGEINT`:                               `BIGINT`,
	} {
		if got := SluiceType(in).String(); got != want {
			t.Errorf("%s: got %s, want %s", in, got, want)
		}
	}
}

// TestTypedPartitionColumns partitions by a column of every scalar type: DuckDB reads each back
// from the folder names with its type.
func TestTypedPartitionColumns(t *testing.T) {
	s := types.NewSchema(types.Field{Name: "b", Type: types.Bool}, types.Field{Name: "i", Type: types.Int},
		types.Field{Name: "dec", Type: types.Decimal(8, 3)}, types.Field{Name: "d", Type: types.Double},
		types.Field{Name: "day", Type: types.Date}, types.Field{Name: "ts", Type: types.Timestamp}, types.Field{Name: "v", Type: types.BigInt})
	rows := [][]any{
		{true, int64(-5), int64(-1234), 0.1, int64(20417), int64(1764064800123), int64(1)},
		{false, int64(7), int64(5), -2.5e-7, int64(-1), int64(-1), int64(2)},
	}
	root := t.TempDir()
	writeSink(t, "typed", root, s, map[string]string{"path": "lake/typed", "format": "parquet", "partition_by": "b,i,dec,d,day,ts"},
		batchOf(s, rows, []int64{0, 0}, 1))
	db := open(t, filepath.Join(root, "lake"))
	r := query(t, db, "SELECT * FROM lake.typed ORDER BY v")
	for i, want := range rows {
		for c := range want {
			if r.Rows[i][c] != want[c] {
				t.Errorf("row %d %s: got %#v, want %#v", i, s.Fields[c].Name, r.Rows[i][c], want[c])
			}
		}
	}
}
