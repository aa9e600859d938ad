package executor

import (
	"context"
	"errors"
	"fmt"
	"log"
	"runtime/debug"
	"sync"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/planner/plan"
)

// Options configure a run.
type Options struct {
	Registry connectors.Registry // builds sources, sinks and error sinks (connectors/all)
	BaseDir  string              // the directory relative paths resolve against
	Clock    Clock               // default SystemClock
	// Progress, when set, receives the counters every ProgressInterval (default 1s) and once at
	// the end of the run.
	Progress         func(Snapshot)
	ProgressInterval time.Duration
	// WatermarkInterval is how often idle and processing-time sources advance their watermark
	// (default 200ms).
	WatermarkInterval time.Duration
	// ChannelSize is the number of messages buffered in front of each task (default 16).
	ChannelSize int
	// Logf logs dropped error records (rate-limited); default log.Printf.
	Logf func(format string, args ...any)
}

func (o Options) withDefaults() Options {
	if o.Clock == nil {
		o.Clock = SystemClock{}
	}
	if o.ProgressInterval <= 0 {
		o.ProgressInterval = time.Second
	}
	if o.WatermarkInterval <= 0 {
		o.WatermarkInterval = 200 * time.Millisecond
	}
	if o.ChannelSize <= 0 {
		o.ChannelSize = 16
	}
	if o.Logf == nil {
		o.Logf = log.Printf
	}
	return o
}

// Run executes dag until every bounded input has ended and every query has finished (or
// reached its LIMIT), the first operator or connector error, or the cancellation of ctx. It
// returns the run's counters, and an error naming the node that failed (ctx.Err() when
// cancelled). Sinks are closed (flushed) in every case.
func Run(ctx context.Context, dag *plan.DAG, opts Options) (*Stats, error) {
	opts = opts.withDefaults()
	stats := newStats(dag)
	rt := &runtime{opts: opts, stats: stats, rejects: newRejects(stats, opts.Clock, opts.Logf)}
	if err := rt.build(dag); err != nil {
		rt.closeSinks()
		return stats, errors.Join(err, rt.rejects.close())
	}
	err := rt.run(ctx)
	if cerr := rt.rejects.close(); err == nil {
		err = cerr
	}
	return stats, err
}

// closeSinks closes the sinks built before a build error.
func (rt *runtime) closeSinks() {
	for _, s := range rt.sinks {
		s.s.Close(context.Background())
	}
}

// runtime is one run: its tasks and what they share.
type runtime struct {
	opts    Options
	stats   *Stats
	rejects *rejects
	tasks   []task
	nodes   []*plan.Node
	sinks   map[string]*sharedSink // by connector and sink name
	// taskNames[i] names tasks[i]'s node in errors: `source "orders"`, `Aggregate "revenue" (node 4)`.
	taskNames []string
}

// task is a source task or an operator task.
type task interface {
	run(ctx context.Context) error
}

func (rt *runtime) run(parent context.Context) error {
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel(nil)
	stopProgress := rt.startProgress()
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for i, t := range rt.tasks {
		wg.Go(func() {
			if err := rt.runTask(ctx, t); err != nil && ctx.Err() == nil {
				once.Do(func() { first = rt.describe(i, err); cancel(first) })
			}
		})
	}
	wg.Wait()
	stopProgress()
	if first != nil {
		return first
	}
	return parent.Err()
}

// runTask runs t, turning a panic (a bug: operators never panic on data) into an error.
func (rt *runtime) runTask(ctx context.Context, t task) (err error) {
	defer func() {
		if r := recover(); r != nil {
			rt.opts.Logf("internal error: %v\n%s", r, debug.Stack())
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return t.run(ctx)
}

// describe names the node of task i in an error.
func (rt *runtime) describe(i int, err error) error {
	return fmt.Errorf("%s: %w", rt.taskNames[i], err)
}

func (rt *runtime) startProgress() (stop func()) {
	if rt.opts.Progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(rt.opts.ProgressInterval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				rt.opts.Progress(rt.stats.Snapshot())
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		rt.opts.Progress(rt.stats.Snapshot())
	}
}
