package parser

import "github.com/alecthomas/participle/v2/lexer"

// The participle grammar. These structs are private: convert.go turns them into the AST.
// The grammar is written to need almost no backtracking (a name followed by "(" is a call, a
// name followed by a string is a typed literal, `parser:"t.*"` is a name part), which keeps parsing fast
// and error positions exact. Contextual keywords ("SIZE", "STREAM", ...) are literals matched
// case-insensitively against Ident tokens; reserved ones are Keyword tokens (see keywords.go).

type gStatement struct {
	Pos       lexer.Position
	Create    *gCreate    `parser:"  'CREATE' @@"`
	Insert    *gInsert    `parser:"| 'INSERT' 'INTO' @@"`
	Query     *gQuery     `parser:"| @@"`
	Show      *gShow      `parser:"| 'SHOW' @@"`
	Describe  *gIdent     `parser:"| 'DESCRIBE' @@"`
	Explain   *gStatement `parser:"| 'EXPLAIN' @@"`
	Drop      *gDrop      `parser:"| 'DROP' @@"`
	Set       *gSet       `parser:"| 'SET' @@"`
	Terminate *gTerminate `parser:"| 'TERMINATE' @@"`
}

type gCreate struct {
	Pos         lexer.Position
	Sink        *gCreateSink  `parser:"  'SINK' @@"`
	Kind        string        `parser:"| @('STREAM' | 'TABLE')"`
	IfNotExists bool          `parser:"  @('IF' 'NOT' 'EXISTS')?"`
	Name        *gIdent       `parser:"  @@"`
	HasElems    bool          `parser:"  ( @'('"`
	Elems       []*gTableElem `parser:"    ( @@ ( ',' @@ )* )? ')' )?"`
	With        []*gOption    `parser:"  ( 'WITH' '(' ( @@ ( ',' @@ )* )? ')' )?"`
	As          *gQuery       `parser:"  ( 'AS' @@ )?"`
}

type gCreateSink struct {
	IfNotExists bool       `parser:"@('IF' 'NOT' 'EXISTS')?"`
	Name        *gIdent    `parser:"@@"`
	From        *gIdent    `parser:"'FROM' @@"`
	With        []*gOption `parser:"( 'WITH' '(' ( @@ ( ',' @@ )* )? ')' )?"`
}

type gTableElem struct {
	Pos        lexer.Position
	Watermark  *gWatermark `parser:"  'WATERMARK' @@"`
	PrimaryKey []*gIdent   `parser:"| 'PRIMARY' 'KEY' '(' @@ ( ',' @@ )* ')' ( 'NOT' 'ENFORCED' )?"`
	Column     *gColumn    `parser:"| @@"`
}

type gWatermark struct {
	Column *gIdent `parser:"'FOR' @@"`
	Expr   *gExpr  `parser:"'AS' @@"`
}

type gColumn struct {
	Pos        lexer.Position
	Name       *gIdent `parser:"@@"`
	Type       *gType  `parser:"@@"`
	NotNull    bool    `parser:"( @'NOT' 'NULL'"`
	PrimaryKey bool    `parser:"| @'PRIMARY' 'KEY' )*"`
}

type gOption struct {
	Pos    lexer.Position
	Key    []*gOptKey `parser:"( @@ ( '.' @@ )*"`
	KeyStr *string    `parser:"| @String )"`
	Value  *gOptValue `parser:"'=' @@"`
}

// gOptKey is one part of an option name: option names are not SQL, so reserved words such as
// END (kafka's `end = 'latest'`) are names here.
type gOptKey struct {
	Ident *gIdent `parser:"  @@"`
	Word  *string `parser:"| @Keyword"`
}

type gOptValue struct {
	Pos    lexer.Position
	Neg    bool    `parser:"@'-'?"`
	Number *string `parser:"( @Number"`
	String *string `parser:"| @String"`
	Bool   *string `parser:"| @('TRUE' | 'FALSE')"`
	Ident  *gIdent `parser:"| @@ )"`
}

type gInsert struct {
	Target *gIdent `parser:"@@"`
	Query  *gQuery `parser:"@@"`
}

type gShow struct {
	Pos  lexer.Position
	What string `parser:"@('STREAMS' | 'TABLES' | 'SINKS' | 'QUERIES')"`
}

type gDrop struct {
	Kind     string  `parser:"@('STREAM' | 'TABLE' | 'SINK')"`
	IfExists bool    `parser:"@('IF' 'EXISTS')?"`
	Name     *gIdent `parser:"@@"`
}

type gSet struct {
	Pos   lexer.Position
	Key   string     `parser:"@String '='"`
	Value *gSetValue `parser:"@@"`
}

// gSetValue exists only to capture the position of SET's value.
type gSetValue struct {
	Pos   lexer.Position
	Value string `parser:"@String"`
}

type gTerminate struct {
	All  bool    `parser:"  @'ALL'"`
	Name *gIdent `parser:"| @@"`
}

// gIdent is one identifier: plain (case-insensitive), "double-quoted" or `parser:"back-quoted"`.
type gIdent struct {
	Pos    lexer.Position
	Plain  *string `parser:"  @Ident"`
	Quoted *string `parser:"| @QIdent"`
	Back   *string `parser:"| @BIdent"`
}

// ---------------------------------------------------------------------------------------------
// Queries

type gQuery struct {
	Pos    lexer.Position
	With   []*gCTE  `parser:"( 'WITH' @@ ( ',' @@ )* )?"`
	Select *gSelect `parser:"'SELECT' @@"`
}

type gCTE struct {
	Pos   lexer.Position
	Name  *gIdent `parser:"@@ 'AS' '('"`
	Query *gQuery `parser:"@@ ')'"`
}

type gSelect struct {
	Distinct bool           `parser:"@'DISTINCT'?"`
	Items    []*gSelectItem `parser:"@@ ( ',' @@ )*"`
	From     *gFrom         `parser:"( 'FROM' @@ )?"`
	Where    *gExpr         `parser:"( 'WHERE' @@ )?"`
	Dedup    *gDedup        `parser:"( 'DEDUPLICATE' @@ )?"`
	Window   *gWindow       `parser:"( 'WINDOW' @@ )?"`
	GroupBy  []*gExpr       `parser:"( 'GROUP' 'BY' @@ ( ',' @@ )* )?"`
	Having   *gExpr         `parser:"( 'HAVING' @@ )?"`
	Emit     *gEmit         `parser:"( 'EMIT' @@ )?"`
	Limit    *gLimit        `parser:"( 'LIMIT' @@ )?"`
}

type gSelectItem struct {
	Pos   lexer.Position
	Star  bool    `parser:"( @'*'"`
	Expr  *gExpr  `parser:"| @@ )"`
	Alias *gIdent `parser:"( 'AS' @@ )?"`
}

type gEmit struct {
	Pos  lexer.Position
	What string `parser:"@('CHANGES' | 'FINAL')"`
}

type gLimit struct {
	Pos lexer.Position
	N   string `parser:"@Number"`
}

type gFrom struct {
	Left  *gTableRef `parser:"@@"`
	Joins []*gJoin   `parser:"@@*"`
}

type gJoin struct {
	Pos    lexer.Position
	Kind   string     `parser:"( @('INNER' | 'LEFT' | 'RIGHT' | 'FULL')"`
	Outer  bool       `parser:"  @'OUTER'? )? 'JOIN'"`
	Right  *gTableRef `parser:"@@"`
	Within *gDuration `parser:"( 'WITHIN' @@ )?"`
	On     *gExpr     `parser:"'ON' @@"`
}

type gTableRef struct {
	Pos     lexer.Position
	Sub     *gQuery     `parser:"( '(' @@ ')'"`
	TableFn *gTableFunc `parser:"| 'TABLE' '(' @@ ')'"`
	Name    *gIdent     `parser:"| @@"`
	Args    *gArgs      `parser:"  @@? )"`
	Alias   *gIdent     `parser:"( 'AS'? @@ )?"`
}

type gTableFunc struct {
	Name *gIdent `parser:"@@"`
	Args *gArgs  `parser:"@@"`
}

// gArgs is a parenthesised, possibly empty, argument list.
type gArgs struct {
	Open bool     `parser:"@'('"`
	List []*gExpr `parser:"( @@ ( ',' @@ )* )? ')'"`
}

type gDedup struct {
	Pos    lexer.Position
	Keys   []*gExpr   `parser:"'BY' @@ ( ',' @@ )*"`
	Within *gDuration `parser:"( 'WITHIN' @@ )?"`
}

type gWindow struct {
	Pos   lexer.Position
	Kind  string         `parser:"@('TUMBLING' | 'HOPPING' | 'SESSION')"`
	Items []*gWindowItem `parser:"'(' @@ ( ',' @@ )* ')'"`
}

type gWindowItem struct {
	Pos     lexer.Position
	Size    *gDuration `parser:"  'SIZE' @@"`
	Advance *gDuration `parser:"| 'ADVANCE' 'BY' @@"`
	Grace   *gDuration `parser:"| 'GRACE' 'PERIOD' @@"`
	Gap     *gDuration `parser:"| 'GAP'? @@"`
}

type gDuration struct {
	Pos      lexer.Position
	Interval *string `parser:"( 'INTERVAL' @String"`
	Number   *string `parser:"| @Number )"`
	Unit     *gUnit  `parser:"@@"`
}

type gUnit struct {
	Pos  lexer.Position
	Name string `parser:"@Ident"`
}

// ---------------------------------------------------------------------------------------------
// Expressions. The grammar is flat: an operand, then a list of operators each with its right
// operand; convert_climb.go builds the tree by precedence. One level instead of seven keeps
// participle's backtracking contexts (its main cost) few.

type gExpr struct {
	Pos   lexer.Position
	First *gOperand  `parser:"@@"`
	Rest  []*gExprOp `parser:"@@*"`
}

// gOperand is prefix operators (NOT, -, +) applied to a primary with postfix [i] and .f.
type gOperand struct {
	Pos     lexer.Position
	Prefix  []*gPrefix `parser:"@@*"`
	Primary *gPrimary  `parser:"@@"`
	Ops     []*gPop    `parser:"@@*"`
}

type gPrefix struct {
	Pos lexer.Position
	Op  string `parser:"@('NOT' | '-' | '+')"`
}

// gExprOp is a binary operator and its right operand, IS [NOT] NULL, [NOT] IN (...), or
// [NOT] BETWEEN/LIKE and the operand that follows (BETWEEN's AND arrives as the next op).
type gExprOp struct {
	Pos   lexer.Position
	Op    string    `parser:"( @('OR' | 'AND' | '=' | '<>' | '!=' | '<=' | '>=' | '<' | '>' | '+' | '-' | '||' | '*' | '/' | '%')"`
	Right *gOperand `parser:"  @@"`
	Is    bool      `parser:"| @'IS'"`
	IsNot bool      `parser:"  @'NOT'? 'NULL'"`
	Not   bool      `parser:"| @'NOT'?"`
	In    []*gExpr  `parser:"  ( 'IN' '(' @@ ( ',' @@ )* ')'"`
	Pred  string    `parser:"  | @('BETWEEN' | 'LIKE')"`
	Arg   *gOperand `parser:"    @@ ) )"`
}

type gPop struct {
	Pos   lexer.Position
	Index *gExpr  `parser:"  '[' @@ ']'"`
	Field *gIdent `parser:"| '.' @@"`
}

type gPrimary struct {
	Pos      lexer.Position
	Name     *gName     `parser:"  @@"`
	Number   *string    `parser:"| @Number"`
	String   *string    `parser:"| @String"`
	Paren    *gExpr     `parser:"| '(' @@ ')'"`
	Bool     *string    `parser:"| @('TRUE' | 'FALSE')"`
	Null     bool       `parser:"| @'NULL'"`
	Interval *gInterval `parser:"| 'INTERVAL' @@"`
	Case     *gCase     `parser:"| 'CASE' @@"`
	Cast     *gCast     `parser:"| 'CAST' '(' @@ ')'"`
	TableArg *gIdent    `parser:"| 'TABLE' @@"`
}

type gInterval struct {
	Value string `parser:"@String"`
	Unit  *gUnit `parser:"@@"`
}

type gCase struct {
	Operand *gExpr   `parser:"@@?"`
	Whens   []*gWhen `parser:"( 'WHEN' @@ )+"`
	Else    *gExpr   `parser:"( 'ELSE' @@ )? 'END'"`
}

type gWhen struct {
	Pos    lexer.Position
	Cond   *gExpr `parser:"@@ 'THEN'"`
	Result *gExpr `parser:"@@"`
}

type gCast struct {
	X    *gExpr `parser:"@@ 'AS'"`
	Type *gType `parser:"@@"`
}

// gName is a dotted name, possibly ending in .* (t.* in a select list), optionally followed by
// a call's argument list (then OVER), or by a string (TIMESTAMP '...', DATE '...').
type gName struct {
	Pos   lexer.Position
	Head  *gIdent      `parser:"@@"`
	Parts []*gNamePart `parser:"( '.' @@ )*"`
	Call  *gCall       `parser:"( @@"`
	Typed *string      `parser:"| @String )?"`
}

type gNamePart struct {
	Ident *gIdent `parser:"  @@"`
	Star  bool    `parser:"| @'*'"`
}

type gCall struct {
	Pos      lexer.Position
	Open     bool     `parser:"'('"`
	Star     bool     `parser:"( @'*'"`
	Distinct bool     `parser:"| @'DISTINCT'?"`
	First    *gExpr   `parser:"  @@"`
	From     *gExpr   `parser:"  ( 'FROM' @@"`
	For      *gExpr   `parser:"    ( 'FOR' @@ )? )?"`
	Rest     []*gExpr `parser:"  ( ',' @@ )* )? ')'"`
	Over     *gOver   `parser:"( 'OVER' @@ )?"`
}

type gOver struct {
	Pos         lexer.Position
	PartitionBy []*gExpr  `parser:"'(' ( 'PARTITION' 'BY' @@ ( ',' @@ )* )?"`
	OrderBy     []*gOrder `parser:"( 'ORDER' 'BY' @@ ( ',' @@ )* )? ')'"`
}

type gOrder struct {
	Pos  lexer.Position
	Expr *gExpr `parser:"@@"`
	Dir  string `parser:"@('ASC' | 'DESC')?"`
}

// ---------------------------------------------------------------------------------------------
// Types

type gType struct {
	Pos    lexer.Position
	Name   *gIdent     `parser:"@@"`
	Params []string    `parser:"( '(' @Number ( ',' @Number )* ')' )?"`
	Args   []*gTypeArg `parser:"( '<' @@ ( ',' @@ )* '>' )?"`
}

// gTypeArg is an ARRAY/MAP type argument (First only) or a STRUCT field (First is the field
// name, parsed as a type name, and Second its type).
type gTypeArg struct {
	Pos    lexer.Position
	First  *gType `parser:"@@"`
	Second *gType `parser:"@@?"`
}
