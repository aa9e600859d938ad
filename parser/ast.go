// Package parser turns Sluice SQL text into an AST.
//
// The grammar (grammar.go) is a set of private participle structs; Parse converts them into the
// exported AST below. Every node has Pos(), the position of its first token, and String(), which
// prints canonical SQL (upper-case keywords, identifiers quoted only when they were quoted or
// need it, minimal parentheses) that parses back to the same AST.
//
// Conventions the planner can rely on:
//   - unquoted identifiers are lower-cased, quoted ones ("Foo" or `Foo`) keep their case and
//     have their Quoted flag set; a dotted name a.b.c is one *Ident with three Parts (the
//     planner decides whether the first part is a table alias or a struct column);
//   - keywords, units and type names are upper-case strings;
//   - number literals keep their source text (the planner picks INT/BIGINT/DOUBLE/DECIMAL);
//   - "!=" is stored as "<>".
//
// Choices where SQL.md is silent (ksqlDB/Flink-like):
//   - a select-list alias needs AS (`COUNT(*) AS n`); a table alias may omit it (`FROM orders o`),
//     which keeps misspelt clause keywords detectable ("expected FROM, found 'FORM'");
//   - the last statement of a file may omit its ';';
//   - comparisons do not chain (a = b = c is an error), as in PostgreSQL;
//   - VARCHAR(n) is STRING (n is dropped); TIMESTAMP(3) keeps 3 in Params; INTEGER is INT;
//   - DESCRIPTOR(cols) is always Flink's descriptor, never a user function; TABLE name is a
//     table-function argument;
//   - reserved words (keywords.go) can be names only when quoted; other keywords (SIZE, DATE,
//     STREAM, ...) are ordinary names outside their clause.
package parser

// Node is implemented by every AST node.
type Node interface {
	// Pos is the position of the node's first token.
	Pos() Pos
	// String prints the node as canonical SQL.
	String() string
}

// Statement is a top-level statement of a file.
type Statement interface {
	Node
	stmtNode()
}

// Expr is a scalar expression.
type Expr interface {
	Node
	exprNode()
}

// TableExpr is an item of a FROM clause: *TableName, *Subquery, *Join or *TableFunc.
type TableExpr interface {
	Node
	tableNode()
}

// File is a parsed SQL file.
type File struct {
	Name       string
	Statements []Statement
}

// ---------------------------------------------------------------------------------------------
// Statements

// CreateStream is CREATE STREAM|TABLE [IF NOT EXISTS] name (columns...) [WITH (...)]: a source
// declaration. Columns may be empty when the format carries its schema. A column-level
// PRIMARY KEY (`id STRING PRIMARY KEY`, ksqlDB style) is folded into PrimaryKey; a trailing
// Flink-style NOT ENFORCED is accepted and dropped.
type CreateStream struct {
	At          Pos
	IsTable     bool
	IfNotExists bool
	Name        *Ident
	Columns     []*ColumnDef
	Watermark   *Watermark // nil: processing time
	PrimaryKey  []*Ident
	With        []*Option
}

// ColumnDef is `name TYPE [NOT NULL]`.
type ColumnDef struct {
	At      Pos
	Name    *Ident
	Type    *TypeName
	NotNull bool
}

// Watermark is `WATERMARK FOR column AS expr` (usually `column - INTERVAL 'n' UNIT`).
type Watermark struct {
	At     Pos
	Column *Ident
	Expr   Expr
}

// CreateAs is CREATE STREAM|TABLE [IF NOT EXISTS] name [WITH (...)] AS SELECT: a persistent query.
type CreateAs struct {
	At          Pos
	IsTable     bool
	IfNotExists bool
	Name        *Ident
	With        []*Option
	Query       *Select
}

// InsertInto is INSERT INTO target SELECT ...: a persistent query writing into an existing
// stream, table or sink.
type InsertInto struct {
	At     Pos
	Target *Ident
	Query  *Select
}

// CreateSink is CREATE SINK [IF NOT EXISTS] name FROM source WITH (...).
type CreateSink struct {
	At          Pos
	IfNotExists bool
	Name        *Ident
	From        *Ident
	With        []*Option
}

// SelectStatement is a bare SELECT: a transient query printing to standard output.
type SelectStatement struct {
	At    Pos
	Query *Select
}

// Show is SHOW STREAMS|TABLES|SINKS|QUERIES; What is the upper-case word.
type Show struct {
	At   Pos
	What string
}

// Describe is DESCRIBE name.
type Describe struct {
	At   Pos
	Name *Ident
}

// Explain is EXPLAIN <statement>.
type Explain struct {
	At        Pos
	Statement Statement
}

// Drop is DROP STREAM|TABLE|SINK [IF EXISTS] name; Kind is the upper-case word.
type Drop struct {
	At       Pos
	Kind     string
	IfExists bool
	Name     *Ident
}

// Set is SET 'key' = 'value'.
type Set struct {
	At       Pos
	Key      string
	Value    string
	KeyPos   Pos
	ValuePos Pos
}

// Terminate is TERMINATE name (a query id) or TERMINATE ALL (All set, Name nil).
type Terminate struct {
	At   Pos
	Name *Ident
	All  bool
}

// Option is one `key = value` of a WITH (...) list. Key is lower-cased unless it was quoted;
// a dotted key (a.b = ...) or a quoted key ('a.b' = ...) is kept as its text. Value is a
// *StringLit, *NumberLit, *BoolLit, a negated *NumberLit (*Unary) or an *Ident.
type Option struct {
	At     Pos // = KeyPos
	Key    string
	KeyPos Pos
	Value  Expr
	ValPos Pos
}

// ---------------------------------------------------------------------------------------------
// Queries

// Select is a query: [WITH ctes] SELECT items FROM ... [WHERE] [DEDUPLICATE BY] [WINDOW]
// [GROUP BY] [HAVING] [EMIT] [LIMIT]. From is nil for `SELECT 1`.
type Select struct {
	At       Pos
	With     []*CTE
	Distinct bool
	Items    []*SelectItem
	From     TableExpr
	Where    Expr
	Dedup    *Dedup
	Window   *WindowClause
	GroupBy  []Expr
	Having   Expr
	Emit     string // "", "CHANGES" or "FINAL"
	EmitPos  Pos
	Limit    *int64
	LimitPos Pos
}

// Query is another name for Select.
type Query = Select

// CTE is `name AS (query)` of a WITH clause.
type CTE struct {
	At    Pos
	Name  *Ident
	Query *Select
}

// SelectItem is `*`, `t.*` (Star with Table), or `expr [AS alias]`.
type SelectItem struct {
	At    Pos
	Star  bool
	Table *Ident // qualifier of t.*, nil for *
	Expr  Expr
	Alias *Ident
}

// Dedup is DEDUPLICATE BY keys [WITHIN d]; Within nil means forever.
type Dedup struct {
	At     Pos
	Keys   []Expr
	Within *Duration
}

// WindowClause is WINDOW TUMBLING|HOPPING|SESSION (...). Kind is the upper-case word.
// TUMBLING sets Size; HOPPING sets Size and Advance; SESSION sets Gap. Grace is optional.
type WindowClause struct {
	At      Pos
	Kind    string
	Size    *Duration
	Advance *Duration
	Gap     *Duration
	Grace   *Duration
}

// Duration is `n UNIT` (Interval false) or `INTERVAL 'n' UNIT` (Interval true). Unit is the
// upper-cased unit as written (SECOND, SECONDS, MILLISECONDS, ... or a misspelling: the planner
// validates it and suggests), UnitPos where it was written.
type Duration struct {
	At       Pos
	Value    int64
	Unit     string
	UnitPos  Pos
	Interval bool
}

// TableName is a named stream or table in FROM, with an optional alias.
type TableName struct {
	At    Pos
	Name  *Ident
	Alias *Ident
}

// Subquery is a derived table `(SELECT ...) [AS] alias`.
type Subquery struct {
	At    Pos
	Query *Select
	Alias *Ident
}

// Join is `Left [INNER|LEFT|RIGHT|FULL [OUTER]] JOIN Right [WITHIN d] ON On`. Kind is
// "INNER", "LEFT", "RIGHT" or "FULL" (the planner rejects what it does not support). Unlike
// other nodes, At is the position of the join's first keyword (INNER, LEFT, ... or JOIN), not
// of Left. Joins nest to the left: a JOIN b JOIN c is Join{Left: Join{a, b}, Right: c}.
type Join struct {
	At     Pos
	Kind   string
	Left   TableExpr
	Right  TableExpr
	Within *Duration
	On     Expr
}

// TableFunc is a table-valued function in FROM, e.g. Flink's
// TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)); the TABLE( ) wrapper is
// optional. Args may contain *TableArg and *Descriptor.
type TableFunc struct {
	At    Pos
	Name  *Ident
	Args  []Expr
	Alias *Ident
}

// ---------------------------------------------------------------------------------------------
// Expressions

// Ident is a possibly qualified name; Parts are lower-cased unless Quoted.
type Ident struct {
	At     Pos
	Parts  []string
	Quoted []bool
}

// NumberLit is a numeric literal; Text is as written (42, 1.5, 1e3).
type NumberLit struct {
	At   Pos
	Text string
}

// StringLit is a single-quoted string; Value is unescaped.
type StringLit struct {
	At    Pos
	Value string
}

// BoolLit is TRUE or FALSE.
type BoolLit struct {
	At    Pos
	Value bool
}

// NullLit is NULL.
type NullLit struct {
	At Pos
}

// IntervalLit is INTERVAL 'value' UNIT; Unit is upper-cased as written.
type IntervalLit struct {
	At      Pos
	Value   string
	Unit    string
	UnitPos Pos
}

// TypedLit is TIMESTAMP '...' or DATE '...'; Type is "TIMESTAMP" or "DATE".
type TypedLit struct {
	At    Pos
	Type  string
	Value string
}

// Binary is L Op R. Op is one of + - * / % || = <> < <= > >= AND OR.
type Binary struct {
	At Pos
	Op string
	L  Expr
	R  Expr
}

// Unary is Op X; Op is "-", "+" or "NOT".
type Unary struct {
	At Pos
	Op string
	X  Expr
}

// IsNull is X IS [NOT] NULL.
type IsNull struct {
	At  Pos
	X   Expr
	Not bool
}

// In is X [NOT] IN (List...).
type In struct {
	At   Pos
	X    Expr
	List []Expr
	Not  bool
}

// Between is X [NOT] BETWEEN Lo AND Hi.
type Between struct {
	At  Pos
	X   Expr
	Lo  Expr
	Hi  Expr
	Not bool
}

// Like is X [NOT] LIKE Pattern.
type Like struct {
	At      Pos
	X       Expr
	Pattern Expr
	Not     bool
}

// Case is CASE [Operand] WHEN ... THEN ... [ELSE Else] END.
type Case struct {
	At      Pos
	Operand Expr // nil for the searched form
	Whens   []*When
	Else    Expr
}

// When is one WHEN Cond THEN Result arm of a Case.
type When struct {
	At     Pos
	Cond   Expr
	Result Expr
}

// Cast is CAST(X AS Type).
type Cast struct {
	At   Pos
	X    Expr
	Type *TypeName
}

// Call is a function call: f(args), COUNT(*) (Star), COUNT(DISTINCT x) (Distinct), optionally
// with an OVER window. SUBSTRING(s FROM a FOR b) is stored as substring(s, a, b).
type Call struct {
	At       Pos
	Name     *Ident
	Args     []Expr
	Distinct bool
	Star     bool
	Over     *Over
}

// Over is OVER ([PARTITION BY ...] [ORDER BY ...]).
type Over struct {
	At          Pos
	PartitionBy []Expr
	OrderBy     []*OrderItem
}

// OrderItem is `expr [ASC|DESC]`.
type OrderItem struct {
	At   Pos
	Expr Expr
	Desc bool
}

// Extract is EXTRACT(Unit FROM X); Unit is upper-cased as written (YEAR, MONTH, DAY, HOUR,
// MINUTE, SECOND, DOW, ... validated by the planner).
type Extract struct {
	At      Pos
	Unit    string
	UnitPos Pos
	X       Expr
}

// Index is X[Index]: array (1-based) or map access.
type Index struct {
	At    Pos
	X     Expr
	Index Expr
}

// Field is X.Name on an expression that is not a plain name, e.g. m['k'].f or (s).f; a.b.c on
// names is a single *Ident.
type Field struct {
	At   Pos
	X    Expr
	Name *Ident
}

// TableArg is `TABLE name`, an argument of a table function.
type TableArg struct {
	At   Pos
	Name *Ident
}

// Descriptor is DESCRIPTOR(col, ...), an argument of a table function.
type Descriptor struct {
	At      Pos
	Columns []*Ident
}

// ---------------------------------------------------------------------------------------------
// Types

// TypeName is a column or CAST type. Name is canonical upper case: BOOLEAN, INT (also for
// INTEGER), BIGINT, DOUBLE, DECIMAL, STRING (also for VARCHAR), BYTES, TIMESTAMP, DATE, ARRAY,
// MAP or STRUCT. Params holds DECIMAL(p, s) or VARCHAR(n) numbers; Elem is ARRAY's element;
// Key and Value are MAP's; Fields are STRUCT's.
type TypeName struct {
	At     Pos
	Name   string
	Params []int
	Elem   *TypeName
	Key    *TypeName
	Value  *TypeName
	Fields []*StructField
}

// StructField is `name TYPE` inside STRUCT<...>.
type StructField struct {
	At   Pos
	Name *Ident
	Type *TypeName
}

// ---------------------------------------------------------------------------------------------
// Pos and marker methods

func (n *CreateStream) Pos() Pos    { return n.At }
func (n *ColumnDef) Pos() Pos       { return n.At }
func (n *Watermark) Pos() Pos       { return n.At }
func (n *CreateAs) Pos() Pos        { return n.At }
func (n *InsertInto) Pos() Pos      { return n.At }
func (n *CreateSink) Pos() Pos      { return n.At }
func (n *SelectStatement) Pos() Pos { return n.At }
func (n *Show) Pos() Pos            { return n.At }
func (n *Describe) Pos() Pos        { return n.At }
func (n *Explain) Pos() Pos         { return n.At }
func (n *Drop) Pos() Pos            { return n.At }
func (n *Set) Pos() Pos             { return n.At }
func (n *Terminate) Pos() Pos       { return n.At }
func (n *Option) Pos() Pos          { return n.At }
func (n *Select) Pos() Pos          { return n.At }
func (n *CTE) Pos() Pos             { return n.At }
func (n *SelectItem) Pos() Pos      { return n.At }
func (n *Dedup) Pos() Pos           { return n.At }
func (n *WindowClause) Pos() Pos    { return n.At }
func (n *Duration) Pos() Pos        { return n.At }
func (n *TableName) Pos() Pos       { return n.At }
func (n *Subquery) Pos() Pos        { return n.At }
func (n *Join) Pos() Pos            { return n.At }
func (n *TableFunc) Pos() Pos       { return n.At }
func (n *Ident) Pos() Pos           { return n.At }
func (n *NumberLit) Pos() Pos       { return n.At }
func (n *StringLit) Pos() Pos       { return n.At }
func (n *BoolLit) Pos() Pos         { return n.At }
func (n *NullLit) Pos() Pos         { return n.At }
func (n *IntervalLit) Pos() Pos     { return n.At }
func (n *TypedLit) Pos() Pos        { return n.At }
func (n *Binary) Pos() Pos          { return n.At }
func (n *Unary) Pos() Pos           { return n.At }
func (n *IsNull) Pos() Pos          { return n.At }
func (n *In) Pos() Pos              { return n.At }
func (n *Between) Pos() Pos         { return n.At }
func (n *Like) Pos() Pos            { return n.At }
func (n *Case) Pos() Pos            { return n.At }
func (n *When) Pos() Pos            { return n.At }
func (n *Cast) Pos() Pos            { return n.At }
func (n *Call) Pos() Pos            { return n.At }
func (n *Over) Pos() Pos            { return n.At }
func (n *OrderItem) Pos() Pos       { return n.At }
func (n *Extract) Pos() Pos         { return n.At }
func (n *Index) Pos() Pos           { return n.At }
func (n *Field) Pos() Pos           { return n.At }
func (n *TableArg) Pos() Pos        { return n.At }
func (n *Descriptor) Pos() Pos      { return n.At }
func (n *TypeName) Pos() Pos        { return n.At }
func (n *StructField) Pos() Pos     { return n.At }

func (*CreateStream) stmtNode()    {}
func (*CreateAs) stmtNode()        {}
func (*InsertInto) stmtNode()      {}
func (*CreateSink) stmtNode()      {}
func (*SelectStatement) stmtNode() {}
func (*Show) stmtNode()            {}
func (*Describe) stmtNode()        {}
func (*Explain) stmtNode()         {}
func (*Drop) stmtNode()            {}
func (*Set) stmtNode()             {}
func (*Terminate) stmtNode()       {}

func (*TableName) tableNode() {}
func (*Subquery) tableNode()  {}
func (*Join) tableNode()      {}
func (*TableFunc) tableNode() {}

func (*Ident) exprNode()       {}
func (*NumberLit) exprNode()   {}
func (*StringLit) exprNode()   {}
func (*BoolLit) exprNode()     {}
func (*NullLit) exprNode()     {}
func (*IntervalLit) exprNode() {}
func (*TypedLit) exprNode()    {}
func (*Binary) exprNode()      {}
func (*Unary) exprNode()       {}
func (*IsNull) exprNode()      {}
func (*In) exprNode()          {}
func (*Between) exprNode()     {}
func (*Like) exprNode()        {}
func (*Case) exprNode()        {}
func (*Cast) exprNode()        {}
func (*Call) exprNode()        {}
func (*Extract) exprNode()     {}
func (*Index) exprNode()       {}
func (*Field) exprNode()       {}
func (*TableArg) exprNode()    {}
func (*Descriptor) exprNode()  {}

// ---------------------------------------------------------------------------------------------
// Helpers

// Name returns the parts joined with "." (as stored: lower-cased unless quoted).
func (n *Ident) Name() string {
	s := ""
	for i, p := range n.Parts {
		if i > 0 {
			s += "."
		}
		s += p
	}
	return s
}

// Last returns the last part (a column's own name without its qualifier).
func (n *Ident) Last() string {
	if len(n.Parts) == 0 {
		return ""
	}
	return n.Parts[len(n.Parts)-1]
}

// Text returns the option value as text: a string's value, a number's text, TRUE/FALSE as
// "true"/"false", an identifier's name.
func (o *Option) Text() string {
	switch v := o.Value.(type) {
	case *StringLit:
		return v.Value
	case *NumberLit:
		return v.Text
	case *BoolLit:
		if v.Value {
			return "true"
		}
		return "false"
	case *Ident:
		return v.Name()
	case nil:
		return ""
	}
	return o.Value.String()
}
