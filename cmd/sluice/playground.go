package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/sluicedata/sluice/connectors/all"
	"github.com/sluicedata/sluice/connectors/kafka/kafkatest"
	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/planner"
	kafkaqueries "github.com/sluicedata/sluice/queries/kafka"
)

// playgroundConfig is what `sluice playground` was asked for.
type playgroundConfig struct {
	events     int           // > 0: a bounded run over this many orders
	duration   time.Duration // else: produce and run for this long
	rate       int           // orders per second while running for a duration
	partitions int
	seed       uint64
}

// playgroundStart is the event time of the first order of a bounded run.
var playgroundStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// runPlayground starts an embedded Kafka broker on 127.0.0.1, produces generated orders into the
// topic `orders`, runs queries/kafka/pipeline.sql against it, and prints the rows the pipeline
// delivers to the topic `revenue` as JSON lines.
func runPlayground(args []string, stdout, stderr io.Writer) int {
	cfg, err := parsePlaygroundFlags(args, stderr)
	if err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	b, err := kafkatest.New(kafkatest.Options{Partitions: cfg.partitions})
	if err != nil {
		return playgroundFail(stderr, err)
	}
	defer b.Close()
	fmt.Fprintf(stderr, "playground: Kafka broker on %s; topic orders (%d partitions) → %s → topic revenue\n",
		b.Addr, cfg.partitions, kafkaqueries.PipelineFile)
	pg := &playground{cfg: cfg, broker: b, stdout: stdout, stderr: stderr}
	if err := pg.run(ctx); err != nil {
		return playgroundFail(stderr, err)
	}
	return 0
}

func parsePlaygroundFlags(args []string, stderr io.Writer) (playgroundConfig, error) {
	fs := flag.NewFlagSet("playground", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := playgroundConfig{}
	fs.IntVar(&cfg.events, "events", 0, "produce this many orders, then run the pipeline to the end of the topic (bounded)")
	fs.DurationVar(&cfg.duration, "duration", 30*time.Second, "without --events: produce orders and run the pipeline for this long")
	fs.IntVar(&cfg.rate, "rate", 200, "orders per second while running for --duration")
	fs.IntVar(&cfg.partitions, "partitions", 3, "partitions of the orders and revenue topics")
	fs.Uint64Var(&cfg.seed, "seed", 1, "seed of the order generator")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sluice playground [--events N | --duration D] [--rate R] [--partitions P] [--seed S]")
		fs.PrintDefaults()
	}
	err := fs.Parse(args)
	if err == nil && (cfg.partitions < 1 || cfg.rate < 1 || cfg.events < 0 || fs.NArg() > 0) {
		err = errors.New("invalid arguments")
		fs.Usage()
	}
	return cfg, err
}

func playgroundFail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "sluice playground: %v\n", err)
	return 1
}

// playground is one run of `sluice playground`.
type playground struct {
	cfg    playgroundConfig
	broker *kafkatest.Broker
	stdout io.Writer
	stderr io.Writer
	kinds  map[string]int // orders produced per kind
}

func (pg *playground) run(ctx context.Context) error {
	for _, t := range []string{"orders", "revenue"} {
		if err := pg.broker.CreateTopic(ctx, t, pg.cfg.partitions); err != nil {
			return err
		}
	}
	dag, err := planner.PlanFile(kafkaqueries.PipelineFile, kafkaqueries.Pipeline)
	if err != nil {
		return err
	}
	pointAt(dag, pg.broker.Addr, pg.cfg.events > 0)
	if pg.cfg.events > 0 {
		return pg.bounded(ctx, dag)
	}
	return pg.timed(ctx, dag)
}

// pointAt makes the plan's Kafka sources, sinks and error sinks use the embedded broker; with
// bounded, the sources stop at the end of what is in their topics now (end = 'latest').
func pointAt(dag *planner.DAG, addr string, bounded bool) {
	for _, n := range dag.Nodes {
		switch op := n.Op.(type) {
		case *planner.SourceOp:
			if op.Connector == "kafka" {
				op.Options["brokers"] = addr
				if bounded {
					op.Options["end"] = "latest"
				}
			}
			if es := op.Options["error_sink"]; strings.HasPrefix(es, "kafka://") && !strings.Contains(es, "?") {
				op.Options["error_sink"] = es + "?brokers=" + addr
			}
		case *planner.SinkOp:
			if op.Connector == "kafka" {
				op.Options["brokers"] = addr
			}
		}
	}
}

// bounded produces every order first, runs the pipeline to the end of the topic, then prints
// everything delivered.
func (pg *playground) bounded(ctx context.Context, dag *planner.DAG) error {
	gen := kafkatest.NewOrderGen(pg.cfg.seed, playgroundStart, 50*time.Millisecond)
	recs := make([]*kgo.Record, pg.cfg.events)
	for i := range recs {
		recs[i] = pg.record(gen.Next())
	}
	if err := pg.produce(ctx, recs); err != nil {
		return err
	}
	if err := pg.execute(ctx, dag); err != nil {
		return err
	}
	out, err := pg.broker.ReadAll(ctx, "revenue")
	if err != nil {
		return err
	}
	for _, v := range sortedRevenue(kafkatest.Values(out)) {
		fmt.Fprintln(pg.stdout, v)
	}
	pg.summary(ctx, len(out))
	return nil
}

// timed produces orders at the configured rate with event times close to the wall clock, runs
// the pipeline for the configured duration and prints each delivered row as it arrives.
func (pg *playground) timed(ctx context.Context, dag *planner.DAG) error {
	rctx, cancel := context.WithTimeout(ctx, pg.cfg.duration)
	defer cancel()
	var wg sync.WaitGroup
	var prodErr error
	wg.Go(func() { prodErr = pg.generate(rctx) })
	delivered := make(chan int, 1)
	wg.Go(func() { delivered <- pg.follow(rctx) })
	err := pg.execute(rctx, dag)
	cancel()
	wg.Wait()
	if err != nil && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
		return err
	}
	if prodErr != nil && !errors.Is(prodErr, context.DeadlineExceeded) && !errors.Is(prodErr, context.Canceled) {
		return prodErr
	}
	pg.summary(context.Background(), <-delivered)
	return nil
}

// execute runs the pipeline.
func (pg *playground) execute(ctx context.Context, dag *planner.DAG) error {
	base, err := os.Getwd()
	if err != nil {
		return err
	}
	reg := all.New()
	reg.Stdout = pg.stdout
	start := time.Now()
	stats, err := executor.Run(ctx, dag, executor.Options{Registry: reg, BaseDir: base,
		Logf: func(f string, a ...any) { fmt.Fprintf(pg.stderr, f+"\n", a...) }})
	if stats != nil {
		fmt.Fprintln(pg.stderr, "playground: "+summary(stats.Snapshot(), time.Since(start)))
	}
	return err
}

// record turns an order into a record keyed by customer and counts it.
func (pg *playground) record(o kafkatest.Order) *kgo.Record {
	if pg.kinds == nil {
		pg.kinds = map[string]int{}
	}
	pg.kinds[o.Kind]++
	return &kgo.Record{Topic: "orders", Key: o.Key(), Value: o.JSON()}
}

func (pg *playground) produce(ctx context.Context, recs []*kgo.Record) error {
	cl, err := pg.broker.Client(kgo.RecordPartitioner(kgo.StickyKeyPartitioner(nil)))
	if err != nil {
		return err
	}
	defer cl.Close()
	return cl.ProduceSync(ctx, recs...).FirstErr()
}

// generate produces rate orders per second, in ten steps a second, until ctx ends.
func (pg *playground) generate(ctx context.Context) error {
	step := time.Second / time.Duration(pg.cfg.rate)
	gen := kafkatest.NewOrderGen(pg.cfg.seed, time.Now(), step)
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for sent := 0; ; {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		var recs []*kgo.Record
		for due := int(time.Since(gen.Start) / step); sent < due; sent++ {
			recs = append(recs, pg.record(gen.Next()))
		}
		if err := pg.produce(ctx, recs); err != nil {
			return err
		}
	}
}

// follow prints the rows of the revenue topic as they arrive until ctx ends, and returns how
// many it printed.
func (pg *playground) follow(ctx context.Context) int {
	cl, err := pg.broker.Client(kgo.ConsumeTopics("revenue"), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		fmt.Fprintf(pg.stderr, "playground: follow revenue: %v\n", err)
		return 0
	}
	defer cl.Close()
	n := 0
	for ctx.Err() == nil {
		cl.PollFetches(ctx).EachRecord(func(r *kgo.Record) {
			fmt.Fprintln(pg.stdout, string(r.Value))
			n++
		})
	}
	return n
}

// summary prints what was produced, delivered and rejected.
func (pg *playground) summary(ctx context.Context, delivered int) {
	errs, _ := pg.broker.ReadAll(ctx, "orders.errors")
	k := pg.kinds
	fmt.Fprintf(pg.stderr, "playground: produced %d orders (%d valid, %d resent duplicates, %d test customers, %d refunds, %d malformed); "+
		"delivered %d revenue rows to topic revenue; %d error records in topic orders.errors\n",
		k["ok"]+k["duplicate"]+k["test"]+k["refund"]+k["malformed"], k["ok"], k["duplicate"], k["test"], k["refund"], k["malformed"],
		delivered, len(errs))
}

// sortedRevenue orders revenue rows by window, then country (the JSON text starts with the
// country, so the window_start field comes first in the sort key).
func sortedRevenue(rows []string) []string {
	key := func(s string) string {
		_, after, _ := strings.Cut(s, `"window_start":`)
		return after[:min(len(after), len(`"2026-01-01T00:00:00.000Z"`))] + s
	}
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b string) int { return strings.Compare(key(a), key(b)) })
	return out
}
