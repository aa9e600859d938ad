package executor

import (
	"sort"
	"sync"
	"sync/atomic"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Stats are the counters of a run, updated atomically while it runs. For a pipeline of filters
// and projections, rows read by its source = rows written by its sink + Filtered (and decoded
// records + Errors[decode|schema|not_null] = records in the input).
type Stats struct {
	RowsRead    map[string]*atomic.Int64 // per source stream: rows emitted by the source
	RowsWritten map[string]*atomic.Int64 // per sink: rows written
	Late        atomic.Int64             // rows dropped because their window (or join state) had closed
	Filtered    atomic.Int64             // rows dropped by WHERE / HAVING and join residuals
	Duplicates  atomic.Int64             // rows dropped by DEDUPLICATE BY
	Nodes       []*NodeStats             // per plan node, indexed by node ID

	mu     sync.Mutex
	errors map[string]*atomic.Int64 // error records by reason (late rows included)
}

// NodeStats are one node's counters.
type NodeStats struct {
	ID        int
	Name      string
	Op        string
	RowsIn    atomic.Int64
	RowsOut   atomic.Int64
	Watermark atomic.Int64 // the last watermark the node forwarded
	State     string       // what the operator keeps (StateInfo.Kind), "" when stateless
	Entries   atomic.Int64 // state entries held (StateInfo.Entries), refreshed as it runs
}

func newStats(dag *plan.DAG) *Stats {
	s := &Stats{RowsRead: map[string]*atomic.Int64{}, RowsWritten: map[string]*atomic.Int64{}, errors: map[string]*atomic.Int64{}}
	for _, n := range dag.Nodes {
		ns := &NodeStats{ID: n.ID, Name: n.Name, Op: n.Op.OpName()}
		ns.Watermark.Store(types.MinTime)
		s.Nodes = append(s.Nodes, ns)
		switch op := n.Op.(type) {
		case *plan.SourceOp:
			s.RowsRead[op.Stream] = new(atomic.Int64)
		case *plan.SinkOp:
			s.RowsWritten[op.Sink] = new(atomic.Int64)
		}
	}
	return s
}

// errorCounter returns the counter of error records with reason.
func (s *Stats) errorCounter(reason string) *atomic.Int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.errors[reason]
	if !ok {
		c = new(atomic.Int64)
		s.errors[reason] = c
	}
	return c
}

// Errors returns the number of error records with reason ("decode", "schema", "not_null",
// "late", ...).
func (s *Stats) Errors(reason string) int64 { return s.errorCounter(reason).Load() }

// Snapshot is a consistent-enough copy of the counters (each read atomically), for progress
// reports and tests.
type Snapshot struct {
	RowsRead    map[string]int64
	RowsWritten map[string]int64
	Errors      map[string]int64
	Late        int64
	Filtered    int64
	Duplicates  int64
	Watermark   int64 // the smallest watermark forwarded by a source (MaxTime once all ended)
	Nodes       []NodeSnapshot
}

// NodeSnapshot is one node's counters.
type NodeSnapshot struct {
	ID              int
	Name, Op        string
	RowsIn, RowsOut int64
	Watermark       int64
	State           string
	StateEntries    int64
}

// Snapshot copies the counters.
func (s *Stats) Snapshot() Snapshot {
	out := Snapshot{RowsRead: loadAll(s.RowsRead), RowsWritten: loadAll(s.RowsWritten),
		Late: s.Late.Load(), Filtered: s.Filtered.Load(), Duplicates: s.Duplicates.Load(), Watermark: types.MaxTime}
	s.mu.Lock()
	out.Errors = loadAll(s.errors)
	s.mu.Unlock()
	for _, n := range s.Nodes {
		ns := NodeSnapshot{ID: n.ID, Name: n.Name, Op: n.Op, RowsIn: n.RowsIn.Load(), RowsOut: n.RowsOut.Load(),
			Watermark: n.Watermark.Load(), State: n.State, StateEntries: n.Entries.Load()}
		if n.Op == "Source" {
			out.Watermark = min(out.Watermark, ns.Watermark)
		}
		out.Nodes = append(out.Nodes, ns)
	}
	return out
}

func loadAll(m map[string]*atomic.Int64) map[string]int64 {
	out := make(map[string]int64, len(m))
	for k, v := range m {
		out[k] = v.Load()
	}
	return out
}

// Reasons returns the error reasons counted so far, sorted.
func (s Snapshot) Reasons() []string {
	out := make([]string, 0, len(s.Errors))
	for r := range s.Errors {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
