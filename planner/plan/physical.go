// Package plan holds the physical plan: the operator DAG and its bound, typed expressions.
// It is pure data, produced by the planner and run by the executor, and imports only types,
// so that the executor depends on the plan and never on the parser.
package plan

import "github.com/sluicedata/sluice/types"

// DAG is the physical plan of a query file: pure data, run only by the executor.
// Nodes are in topological order (every input before its consumers); a source read by several
// queries appears once and its node has several consumers.
type DAG struct {
	Nodes []*Node
}

// Node is one operator. Inputs are node IDs (index into DAG.Nodes). Schema is the output schema,
// including its event-time column (TimeCol) and, for changelogs, its primary key (Key).
type Node struct {
	ID     int
	Name   string // the stream, table, sink or query it implements, when it has one
	Inputs []int
	Schema *types.Schema
	Op     Op
}

// Op is the kind-specific part of a node; one of the *Op types below.
type Op interface{ OpName() string }

// SourceOp reads a declared stream or table (CREATE STREAM/TABLE ... WITH (connector=...)).
// Options are validated against the connector's option spec (lower-case names, raw values).
type SourceOp struct {
	Stream    string
	Connector string
	Options   map[string]string
	IsTable   bool // a changelog: the latest row per Schema.Key
}

// FilterOp keeps the rows where Pred is TRUE (NULL and FALSE drop the row).
type FilterOp struct{ Pred Expr }

// ProjectOp computes one output column per expression; Schema names the columns.
type ProjectOp struct{ Exprs []Expr }

// DedupOp keeps the first row per key seen within Within ms of event time (0: forever).
type DedupOp struct {
	Keys   []Expr
	Within int64
}

// AggregateOp groups by Keys (and Window when set) and computes Aggs. Output columns: the keys
// in order, then window_start and window_end when Window is set, then one column per AggCall.
// A node whose output is read as a table has Schema.Key = the key columns.
type AggregateOp struct {
	Keys   []Expr
	Aggs   []*AggCall
	Window *Window // nil: a running aggregate without window
	Emit   Emit
}

// WindowKind names the window families of SQL.md.
type WindowKind uint8

const (
	Tumbling WindowKind = iota
	Hopping
	Session
)

func (k WindowKind) String() string { return [...]string{"TUMBLING", "HOPPING", "SESSION"}[k] }

// Window sizes are in milliseconds. Advance is set for HOPPING, Gap for SESSION.
type Window struct {
	Kind    WindowKind
	Size    int64
	Advance int64
	Gap     int64
	Grace   int64
}

// Emit is when an aggregate emits rows.
type Emit uint8

const (
	EmitChanges Emit = iota // an updated row each time a group's result changes (per input row)
	EmitFinal               // one row per window when it closes (or at end of input without window)
)

func (e Emit) String() string { return [...]string{"CHANGES", "FINAL"}[e] }

// JoinKind is INNER or LEFT.
type JoinKind uint8

const (
	InnerJoin JoinKind = iota
	LeftJoin
)

func (k JoinKind) String() string { return [...]string{"INNER", "LEFT"}[k] }

// IntervalJoinOp joins two streams (Inputs[0] left, Inputs[1] right) on equal keys where the
// rows' event times differ by at most Within ms. Residual, when set, is a further predicate over
// the output row. Output columns: all left columns, then all right columns.
type IntervalJoinOp struct {
	Kind      JoinKind
	LeftKeys  []Expr
	RightKeys []Expr
	Within    int64
	Residual  Expr
}

// LookupJoinOp joins a stream (Inputs[0]) to a table changelog (Inputs[1], keyed by its
// Schema.Key) as of each stream row's time. Output: stream columns, then table columns.
type LookupJoinOp struct {
	Kind       JoinKind
	StreamKeys []Expr
	Residual   Expr
}

// LimitOp passes the first N rows, then ends the query.
type LimitOp struct{ N int64 }

// SinkOp writes its input to a connector (CREATE ... WITH (connector=...) AS, INSERT INTO,
// CREATE SINK, or "stdout" for a transient SELECT).
type SinkOp struct {
	Sink      string
	Connector string
	Options   map[string]string
}

func (*SourceOp) OpName() string       { return "Source" }
func (*FilterOp) OpName() string       { return "Filter" }
func (*ProjectOp) OpName() string      { return "Project" }
func (*DedupOp) OpName() string        { return "Deduplicate" }
func (*AggregateOp) OpName() string    { return "Aggregate" }
func (*IntervalJoinOp) OpName() string { return "IntervalJoin" }
func (*LookupJoinOp) OpName() string   { return "LookupJoin" }
func (*LimitOp) OpName() string        { return "Limit" }
func (*SinkOp) OpName() string         { return "Sink" }
