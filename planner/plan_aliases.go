package planner

import "github.com/sluicedata/sluice/planner/plan"

// The physical plan lives in planner/plan so that the executor imports it without the parser;
// these aliases let the planner and its users keep writing planner.DAG, planner.Node, ….
type (
	DAG            = plan.DAG
	Node           = plan.Node
	Op             = plan.Op
	SourceOp       = plan.SourceOp
	FilterOp       = plan.FilterOp
	ProjectOp      = plan.ProjectOp
	DedupOp        = plan.DedupOp
	AggregateOp    = plan.AggregateOp
	WindowKind     = plan.WindowKind
	Window         = plan.Window
	Emit           = plan.Emit
	JoinKind       = plan.JoinKind
	IntervalJoinOp = plan.IntervalJoinOp
	LookupJoinOp   = plan.LookupJoinOp
	LimitOp        = plan.LimitOp
	SinkOp         = plan.SinkOp
	Expr           = plan.Expr
	ColumnRef      = plan.ColumnRef
	Literal        = plan.Literal
	Call           = plan.Call
	AggCall        = plan.AggCall
)

const (
	Tumbling    = plan.Tumbling
	Hopping     = plan.Hopping
	Session     = plan.Session
	EmitChanges = plan.EmitChanges
	EmitFinal   = plan.EmitFinal
	InnerJoin   = plan.InnerJoin
	LeftJoin    = plan.LeftJoin
)
