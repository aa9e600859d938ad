package duck

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/file"
	"github.com/sluicedata/sluice/types"
)

const (
	crashEnv   = "SLUICE_LAKE_CRASH_WRITER" // set in the helper process: the lake folder
	crashRows  = 120_000
	crashBatch = 1000
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(crashEnv); dir != "" {
		if err := crashWriter(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// crashWriter writes the same bounded input every time: crashRows rows in batches, partitioned
// by country and hour, rolled every 1,500 rows, then the final watermark and Close.
func crashWriter(dir string) error {
	ctx := context.Background()
	sk, err := file.NewLakeSink(connectors.SinkConfig{Sink: "crash", Schema: kv, BaseDir: dir,
		Options: map[string]string{"path": "lake/crash", "format": "parquet", "partition_by": "k,hour", "roll_rows": "1500"}})
	if err != nil {
		return err
	}
	for start := 0; start < crashRows; start += crashBatch {
		rows := make([][]any, crashBatch)
		ts := make([]int64, crashBatch)
		for i := range rows {
			x := int64(start + i)
			rows[i] = []any{[]string{"DE", "FR"}[x%2], x, x}
			ts[i] = x * 100 // 120k rows over 3h20m
		}
		if err := sk.Write(ctx, batchOf(kv, rows, ts, int64(start))); err != nil {
			return err
		}
	}
	if err := sk.(connectors.WatermarkSink).Watermark(ctx, types.MaxTime); err != nil {
		return err
	}
	return sk.Close(ctx)
}

// TestCrashLeavesNoPartialFileAndReplayNoDuplicates kills a writer with SIGKILL while it writes
// (after a random number of committed files, plus a random delay), then checks that DuckDB reads
// every visible file (none is partial) and sees no duplicate row, and that a replay of the same
// input over what the killed writer left completes with every row exactly once. Each round uses
// a fresh lake; the kill is tied to the writer's progress, not to wall time, so the test proves
// the same thing on a quiet machine and on a loaded one.
func TestCrashLeavesNoPartialFileAndReplayNoDuplicates(t *testing.T) {
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("seed %d", seed)
	partial := 0
	for round := 0; round < 4; round++ {
		dir := t.TempDir()
		if killWriter(t, dir, rng) {
			partial++
		}
		if n := checkNoDuplicates(t, dir, -1); n <= 0 || n >= crashRows {
			t.Fatalf("round %d: the writer was killed after committing files but the lake holds %d rows", round, n)
		}
		if out, err := writerCommand(dir).CombinedOutput(); err != nil {
			t.Fatalf("replay: %v\n%s", err, out)
		}
		checkNoDuplicates(t, dir, crashRows)
	}
	if partial == 0 {
		t.Fatal("no writer was killed with a file in progress: the test proved nothing")
	}
}

func writerCommand(dir string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	return cmd
}

// killWriter starts a writer, kills it with SIGKILL once 1–8 files are committed (plus up to
// 20 ms), and reports whether it left a file in progress.
func killWriter(t *testing.T, dir string, rng *rand.Rand) bool {
	t.Helper()
	cmd := writerCommand(dir)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	wait := make(chan error, 1)
	go func() { wait <- cmd.Wait() }()
	files, delay := 1+rng.Intn(8), time.Duration(rng.Intn(20))*time.Millisecond
	for committed(dir) < files {
		select {
		case err := <-wait:
			t.Fatalf("the writer ended (%v) before it was killed", err)
		case <-time.After(time.Millisecond):
		}
	}
	time.Sleep(delay)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-wait
	m, _ := filepath.Glob(filepath.Join(dir, "lake/crash/k=*/hour=*/.part-*.tmp"))
	return len(m) > 0
}

// committed counts the visible data files of the crash sink.
func committed(dir string) int {
	m, _ := filepath.Glob(filepath.Join(dir, "lake/crash/k=*/hour=*/part-*.parquet"))
	return len(m)
}

// checkNoDuplicates queries the lake: every row at most once, and exactly want rows when want ≥ 0.
func checkNoDuplicates(t *testing.T, dir string, want int64) int64 {
	t.Helper()
	root := filepath.Join(dir, "lake")
	if _, err := os.Stat(root); err != nil {
		return 0 // killed before the manifest was written
	}
	db := open(t, root)
	if len(db.Tables()) == 0 {
		return 0
	}
	r := query(t, db, "SELECT count(*), count(DISTINCT n), coalesce(sum(amount), 0) FROM lake.crash")
	n, distinct := r.Rows[0][0].(int64), r.Rows[0][1].(int64)
	if n != distinct {
		t.Fatalf("%d rows but %d distinct: duplicates after a replay", n, distinct)
	}
	if want >= 0 && (n != want || r.Rows[0][2] != want*(want-1)/2) {
		t.Fatalf("after the final run: %v rows, want %d", r.Rows[0], want)
	}
	bad := query(t, db, "SELECT count(*) FROM lake.crash WHERE k <> (CASE WHEN n % 2 = 0 THEN 'DE' ELSE 'FR' END)")
	if bad.Rows[0][0] != int64(0) {
		t.Fatalf("%v rows in the wrong partition", bad.Rows[0][0])
	}
	return n
}
