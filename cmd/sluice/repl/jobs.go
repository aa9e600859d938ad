package repl

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/planner"
)

// Query states shown by SHOW QUERIES.
const (
	stateRunning    = "RUNNING"
	stateDone       = "DONE"       // its bounded inputs ended and everything was written
	stateFailed     = "FAILED"     // an operator or connector error stopped it
	stateTerminated = "TERMINATED" // TERMINATE, DROP, or the end of the REPL stopped it
	stateInProcess  = "IN-PROCESS" // no sink: its rows are computed inside the queries reading it
)

// job is one persistent query of the session, run on its own: the sub-DAG of its nodes and
// everything they read, from its sources' start, by executor.Run in a goroutine with its own
// cancel. A query without a sink (CREATE STREAM … AS SELECT without a connector) is not run:
// the queries reading it run its operators.
type job struct {
	id      string
	reads   []string
	writes  string
	dag     *planner.DAG
	cancel  context.CancelFunc
	done    chan struct{}
	started time.Time

	mu         sync.Mutex
	state      string
	err        error
	ended      time.Time
	last, prev sample
	stopped    bool // cancelled by TERMINATE, DROP or the end of the session
	// quiet: another query writes the error records of a source this one reads, so the
	// records it drops are not logged again.
	quiet bool
}

// sample is what a progress snapshot says, and when.
type sample struct {
	at      time.Time
	in, out int64
	errors  int64
}

func sampleOf(s executor.Snapshot) sample {
	out := sample{at: time.Now()}
	for _, v := range s.RowsRead {
		out.in += v
	}
	for _, v := range s.RowsWritten {
		out.out += v
	}
	for _, v := range s.Errors {
		out.errors += v
	}
	return out
}

func (j *job) record(s executor.Snapshot) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.prev, j.last = j.last, sampleOf(s)
}

// status returns the state, the last sample and the rates over the last progress interval.
func (j *job) status() (state string, s sample, inRate, outRate float64) {
	j.mu.Lock()
	defer j.mu.Unlock()
	s = j.last
	if j.state == stateRunning && !j.prev.at.IsZero() {
		if dt := j.last.at.Sub(j.prev.at).Seconds(); dt > 0 {
			inRate, outRate = float64(j.last.in-j.prev.in)/dt, float64(j.last.out-j.prev.out)/dt
		}
	}
	return j.state, s, inRate, outRate
}

// finish records how the run ended.
func (j *job) finish(err error) string {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.ended = time.Now()
	switch {
	case j.stopped:
		j.state = stateTerminated
	case err != nil && !errors.Is(err, context.Canceled):
		j.state, j.err = stateFailed, err
	case err != nil:
		j.state = stateTerminated
	default:
		j.state = stateDone
	}
	return j.state
}

// jobs are the persistent queries of the session, in creation order.
type jobs struct {
	mu    sync.Mutex
	list  []*job
	owner map[string]*job // source stream → the job writing its error_sink
	wg    sync.WaitGroup
}

func newJobs() *jobs { return &jobs{owner: map[string]*job{}} }

// claimErrorSink says whether j writes the error records of stream: the first job reading it
// does, for as long as it runs and, when it ended with its bounded input, for good (a later
// job reads the same records again). A terminated or failed owner passes it on.
func (js *jobs) claimErrorSink(stream string, j *job) bool {
	js.mu.Lock()
	defer js.mu.Unlock()
	if o := js.owner[stream]; o != nil && o != j {
		if st, _, _, _ := o.status(); st == stateRunning || st == stateDone {
			return false
		}
	}
	js.owner[stream] = j
	return true
}

// runOptions builds the executor options of a job.
type runOptions func(j *job) executor.Options

// start runs q's sub-DAG in the background; ended is called when it stops by itself or fails.
func (js *jobs) start(ctx context.Context, q *planner.Query, dag *planner.DAG, opts runOptions, ended func(*job)) *job {
	j := &job{id: q.ID, reads: q.Reads, writes: q.Writes, dag: dag, done: make(chan struct{}), started: time.Now(),
		state: stateRunning}
	js.mu.Lock()
	js.list = append(js.list, j)
	js.mu.Unlock()
	if sinkNode(dag) == nil {
		j.state = stateInProcess
		close(j.done)
		return j
	}
	j.quiet = withoutErrorSink(dag, func(stream string) bool { return js.claimErrorSink(stream, j) }) > 0
	ctx, j.cancel = context.WithCancel(ctx)
	js.wg.Go(func() {
		defer close(j.done)
		o := opts(j)
		o.Progress = j.record
		_, err := executor.Run(ctx, dag, o)
		j.finish(err)
		ended(j)
	})
	return j
}

// stop cancels the running jobs of the queries that are no longer in the session (TERMINATE,
// DROP) and waits for them to flush their sinks. It returns the ids it stopped.
func (js *jobs) stop(keep map[string]bool) []string {
	var stopped []string
	for _, j := range js.snapshot() {
		if keep[j.id] || !j.stop() {
			continue
		}
		<-j.done
		stopped = append(stopped, j.id)
	}
	return stopped
}

// stop cancels j when it runs, and reports whether it did; an in-process query is marked
// terminated.
func (j *job) stop() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	switch j.state {
	case stateInProcess:
		j.state, j.stopped = stateTerminated, true
	case stateRunning:
		j.stopped = true
		j.cancel()
		return true
	}
	return false
}

// stopAll cancels every running job and waits for them.
func (js *jobs) stopAll() int {
	n := 0
	for _, j := range js.snapshot() {
		if j.stop() {
			n++
		}
	}
	js.wg.Wait()
	return n
}

// running counts the jobs still running.
func (js *jobs) running() int {
	n := 0
	for _, j := range js.snapshot() {
		if st, _, _, _ := j.status(); st == stateRunning {
			n++
		}
	}
	return n
}

// waitBounded waits for the running jobs whose inputs are all bounded.
func (js *jobs) waitBounded() {
	for _, j := range js.snapshot() {
		if bounded(j.dag) {
			<-j.done
		}
	}
}

// unbounded counts the running jobs that read an unbounded source.
func (js *jobs) unbounded() int {
	n := 0
	for _, j := range js.snapshot() {
		if st, _, _, _ := j.status(); st == stateRunning && !bounded(j.dag) {
			n++
		}
	}
	return n
}

// failed counts the jobs that failed.
func (js *jobs) failed() int {
	n := 0
	for _, j := range js.snapshot() {
		if st, _, _, _ := j.status(); st == stateFailed {
			n++
		}
	}
	return n
}

func (js *jobs) snapshot() []*job {
	js.mu.Lock()
	defer js.mu.Unlock()
	return append([]*job(nil), js.list...)
}
