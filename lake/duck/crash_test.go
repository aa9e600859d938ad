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

// TestCrashLeavesNoPartialFileAndReplayNoDuplicates kills a writer with SIGKILL at random moments
// and checks after each kill that DuckDB reads every visible file (none is partial) and sees no
// duplicate row; the replays of the same input then complete with every row exactly once.
func TestCrashLeavesNoPartialFileAndReplayNoDuplicates(t *testing.T) {
	dir := t.TempDir()
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("seed %d", seed)
	killed, midway, partial := 0, 0, 0
	for run := 0; run < 6; run++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashEnv+"="+dir)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wait := make(chan error, 1)
		go func() { wait <- cmd.Wait() }()
		select {
		case err := <-wait:
			if err != nil {
				t.Fatalf("writer failed: %v", err)
			}
		case <-killTime(dir, run, rng):
			cmd.Process.Signal(syscall.SIGKILL)
			<-wait
			killed++
			if m, _ := filepath.Glob(filepath.Join(dir, "lake/crash/k=*/hour=*/.part-*.tmp")); len(m) > 0 {
				partial++
			}
		}
		if n := checkNoDuplicates(t, dir, -1); n > 0 && n < crashRows {
			midway++
		}
	}
	t.Logf("%d of 6 writers killed, %d between commits, %d leaving partial files", killed, midway, partial)
	if midway == 0 || partial == 0 {
		t.Fatal("no writer was killed between two commits with a partial file: the test proved nothing")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("final run: %v\n%s", err, out)
	}
	checkNoDuplicates(t, dir, crashRows)
}

// killTime fires at a random moment: for even runs soon after start, for odd runs a random
// while after the first file became visible (so that some files are committed when it dies).
func killTime(dir string, run int, rng *rand.Rand) <-chan time.Time {
	if run%2 == 0 {
		return time.After(time.Duration(rng.Intn(300)) * time.Millisecond)
	}
	ch := make(chan time.Time, 1)
	go func() {
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if m, _ := filepath.Glob(filepath.Join(dir, "lake/crash/k=*/hour=*/part-*.parquet")); len(m) > 0 {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		time.Sleep(time.Duration(rng.Intn(200)) * time.Millisecond)
		ch <- time.Now()
	}()
	return ch
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
