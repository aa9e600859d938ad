package duck

import (
	"context"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/file"
	"github.com/sluicedata/sluice/types"
)

// batchOf builds a batch from rows of Values; row i has event time ts[i] and origin position i.
func batchOf(s *types.Schema, rows [][]any, ts []int64, pos0 int64) *types.Batch {
	b := types.NewBatch(s, len(rows))
	b.Origin = &types.Origin{Source: "in", Prefix: "in.jsonl:"}
	for i, r := range rows {
		for c, v := range r {
			b.Cols[c].AppendValue(v)
		}
		b.Origin.Pos = append(b.Origin.Pos, pos0+int64(i))
	}
	b.Len, b.Time = len(rows), ts
	return b
}

// writeSink writes batches through the file connector's lake sink, then sends the final
// watermark and closes it.
func writeSink(t *testing.T, name, baseDir string, s *types.Schema, opts map[string]string, batches ...*types.Batch) {
	t.Helper()
	ctx := context.Background()
	sk, err := file.NewLakeSink(connectors.SinkConfig{Sink: name, Schema: s, Options: opts, BaseDir: baseDir})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range batches {
		if err := sk.Write(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := sk.(connectors.WatermarkSink).Watermark(ctx, types.MaxTime); err != nil {
		t.Fatal(err)
	}
	if err := sk.Close(ctx); err != nil {
		t.Fatal(err)
	}
}

func query(t *testing.T, db *DB, q string) *Result {
	t.Helper()
	r, err := db.Query(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return r
}

func open(t *testing.T, root string) *DB {
	t.Helper()
	db, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
