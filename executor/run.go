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
	// IdleTimeout is how long an input of a join may deliver nothing, once caught up, before it
	// stops holding the join's watermark back (default DefaultIdleTimeout; negative: never).
	// Idleness is checked every WatermarkInterval against Clock.
	IdleTimeout time.Duration
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
	if o.IdleTimeout == 0 {
		o.IdleTimeout = DefaultIdleTimeout
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
//
// Delivery is at-least-once for sources that acknowledge upstream: the Emitter given to sources
// implements connectors.WatermarkEmitter and connectors.Acker (see barrier.go for when an
// acknowledgement arrives), and sources implementing connectors.SourceCloser are closed after
// every sink and error sink, with ended true when the run returns nil.
func Run(ctx context.Context, dag *plan.DAG, opts Options) (*Stats, error) {
	rt := newRuntime(dag, opts.withDefaults())
	stats := rt.stats
	if err := rt.build(dag); err != nil {
		rt.closeSinks()
		err = errors.Join(err, rt.rejects.close())
		rt.acks.end(err)
		return stats, errors.Join(err, rt.closeSources(ctx, false))
	}
	err := rt.run(ctx)
	if cerr := rt.rejects.close(); err == nil {
		err = cerr
	}
	rt.acks.end(err)
	if cerr := rt.closeSources(ctx, err == nil); err == nil {
		err = cerr
	}
	return stats, err
}

func newRuntime(dag *plan.DAG, opts Options) *runtime {
	stats := newStats(dag)
	rt := &runtime{opts: opts, stats: stats, rejects: newRejects(stats, opts.Clock, opts.Logf)}
	rt.acks = newAcks(rt.rejects.flush)
	return rt
}

// closeSources calls Close on the sources that hold resources beyond Run
// (connectors.SourceCloser), once every sink and error sink has been closed.
func (rt *runtime) closeSources(ctx context.Context, ended bool) error {
	var errs []error
	for _, s := range rt.sources {
		if c, ok := s.(connectors.SourceCloser); ok {
			errs = append(errs, c.Close(context.WithoutCancel(ctx), ended))
		}
	}
	return errors.Join(errs...)
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
	acks    *acks
	sources []connectors.Source // built, for SourceCloser
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
	rt.acks.start(ctx)
	stopProgress := rt.startProgress()
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for i, t := range rt.tasks {
		wg.Go(func() {
			if err := rt.runTask(ctx, t); err != nil && ctx.Err() == nil {
				once.Do(func() { first = rt.describe(i, err); rt.acks.fail(first); cancel(first) })
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
