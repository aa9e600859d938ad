package parser

import (
	"strconv"
	"strings"
)

// This file prints the AST as canonical SQL: upper-case keywords, identifiers quoted when they
// were quoted or need it, minimal parentheses, single spaces, one line per statement.

// Operator precedence, lowest first; Expr printing wraps a child in parentheses when its
// precedence is below what its position requires.
const (
	precOr = iota + 1
	precAnd
	precNot
	precCompare
	precAdd
	precMul
	precUnary
	precPostfix
	precPrimary
)

var binaryPrec = map[string]int{
	"OR": precOr, "AND": precAnd,
	"=": precCompare, "<>": precCompare, "<": precCompare, "<=": precCompare, ">": precCompare, ">=": precCompare,
	"+": precAdd, "-": precAdd, "||": precAdd,
	"*": precMul, "/": precMul, "%": precMul,
}

func precOf(e Expr) int {
	switch e := e.(type) {
	case *Binary:
		return binaryPrec[e.Op]
	case *Unary:
		if e.Op == "NOT" {
			return precNot
		}
		return precUnary
	case *IsNull, *In, *Between, *Like:
		return precCompare
	case *Index, *Field:
		return precPostfix
	}
	return precPrimary
}

// sub prints e, parenthesised when its precedence is below min.
func sub(e Expr, min int) string {
	if e == nil {
		return ""
	}
	if precOf(e) < min {
		return "(" + e.String() + ")"
	}
	return e.String()
}

func not(b bool) string {
	if b {
		return " NOT"
	}
	return ""
}

func joinExprs(es []Expr) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.String()
	}
	return strings.Join(parts, ", ")
}

func joinIdents(ids []*Ident) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = id.String()
	}
	return strings.Join(parts, ", ")
}

func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// quoteIdent prints one identifier part.
func quoteIdent(s string, quoted bool) string {
	if quoted || !plainIdent(s) {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// plainIdent reports whether s reads back unchanged as an unquoted identifier.
func plainIdent(s string) bool {
	if s == "" || isReserved(s) {
		return false
	}
	for i, c := range s {
		letter := c == '_' || (c >= 'a' && c <= 'z')
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------------------------------
// Expressions

func (n *Ident) String() string {
	parts := make([]string, len(n.Parts))
	for i, p := range n.Parts {
		parts[i] = quoteIdent(p, i < len(n.Quoted) && n.Quoted[i])
	}
	return strings.Join(parts, ".")
}

func (n *NumberLit) String() string   { return n.Text }
func (n *StringLit) String() string   { return quoteString(n.Value) }
func (n *NullLit) String() string     { return "NULL" }
func (n *IntervalLit) String() string { return "INTERVAL " + quoteString(n.Value) + " " + n.Unit }
func (n *TypedLit) String() string    { return n.Type + " " + quoteString(n.Value) }

func (n *BoolLit) String() string {
	if n.Value {
		return "TRUE"
	}
	return "FALSE"
}

func (n *Binary) String() string {
	p := binaryPrec[n.Op]
	left := p
	if p == precCompare {
		left = p + 1
	}
	return sub(n.L, left) + " " + n.Op + " " + sub(n.R, p+1)
}

func (n *Unary) String() string {
	if n.Op == "NOT" {
		return "NOT " + sub(n.X, precNot)
	}
	x := sub(n.X, precUnary)
	if strings.HasPrefix(x, "-") || strings.HasPrefix(x, "+") {
		return n.Op + " " + x
	}
	return n.Op + x
}

func (n *IsNull) String() string { return sub(n.X, precAdd) + " IS" + not(n.Not) + " NULL" }

func (n *In) String() string {
	return sub(n.X, precAdd) + not(n.Not) + " IN (" + joinExprs(n.List) + ")"
}

func (n *Between) String() string {
	return sub(n.X, precAdd) + not(n.Not) + " BETWEEN " + sub(n.Lo, precAdd) + " AND " + sub(n.Hi, precAdd)
}

func (n *Like) String() string {
	return sub(n.X, precAdd) + not(n.Not) + " LIKE " + sub(n.Pattern, precAdd)
}

func (n *Case) String() string {
	var b strings.Builder
	b.WriteString("CASE")
	if n.Operand != nil {
		b.WriteString(" " + n.Operand.String())
	}
	for _, w := range n.Whens {
		b.WriteString(" " + w.String())
	}
	if n.Else != nil {
		b.WriteString(" ELSE " + n.Else.String())
	}
	b.WriteString(" END")
	return b.String()
}

func (n *When) String() string { return "WHEN " + n.Cond.String() + " THEN " + n.Result.String() }

func (n *Cast) String() string { return "CAST(" + n.X.String() + " AS " + n.Type.String() + ")" }

// funcName prints a function name, upper-case when it was not quoted.
func funcName(id *Ident) string {
	if id == nil {
		return ""
	}
	parts := make([]string, len(id.Parts))
	for i, p := range id.Parts {
		q := i < len(id.Quoted) && id.Quoted[i]
		if q || !plainIdent(p) {
			parts[i] = quoteIdent(p, true)
		} else {
			parts[i] = strings.ToUpper(p)
		}
	}
	return strings.Join(parts, ".")
}

func (n *Call) String() string {
	var args string
	switch {
	case n.Star:
		args = "*"
	case n.Distinct:
		args = "DISTINCT " + joinExprs(n.Args)
	default:
		args = joinExprs(n.Args)
	}
	s := funcName(n.Name) + "(" + args + ")"
	if n.Over != nil {
		s += " " + n.Over.String()
	}
	return s
}

func (n *Over) String() string {
	var parts []string
	if len(n.PartitionBy) > 0 {
		parts = append(parts, "PARTITION BY "+joinExprs(n.PartitionBy))
	}
	if len(n.OrderBy) > 0 {
		items := make([]string, len(n.OrderBy))
		for i, o := range n.OrderBy {
			items[i] = o.String()
		}
		parts = append(parts, "ORDER BY "+strings.Join(items, ", "))
	}
	return "OVER (" + strings.Join(parts, " ") + ")"
}

func (n *OrderItem) String() string {
	if n.Desc {
		return n.Expr.String() + " DESC"
	}
	return n.Expr.String()
}

func (n *Extract) String() string { return "EXTRACT(" + n.Unit + " FROM " + n.X.String() + ")" }

// postfixBase prints the operand of [] or .f; a plain name is parenthesised after a dot so
// that (a).b does not read back as the name a.b.
func postfixBase(x Expr, dot bool) string {
	if _, ok := x.(*Ident); ok && dot {
		return "(" + x.String() + ")"
	}
	return sub(x, precPostfix)
}

func (n *Index) String() string { return postfixBase(n.X, false) + "[" + n.Index.String() + "]" }
func (n *Field) String() string { return postfixBase(n.X, true) + "." + n.Name.String() }

func (n *TableArg) String() string   { return "TABLE " + n.Name.String() }
func (n *Descriptor) String() string { return "DESCRIPTOR(" + joinIdents(n.Columns) + ")" }

// ---------------------------------------------------------------------------------------------
// Types

func (n *TypeName) String() string {
	switch n.Name {
	case "ARRAY":
		return "ARRAY<" + n.Elem.String() + ">"
	case "MAP":
		return "MAP<" + n.Key.String() + ", " + n.Value.String() + ">"
	case "STRUCT":
		fields := make([]string, len(n.Fields))
		for i, f := range n.Fields {
			fields[i] = f.String()
		}
		return "STRUCT<" + strings.Join(fields, ", ") + ">"
	}
	if len(n.Params) == 0 {
		return n.Name
	}
	ps := make([]string, len(n.Params))
	for i, p := range n.Params {
		ps[i] = strconv.Itoa(p)
	}
	return n.Name + "(" + strings.Join(ps, ", ") + ")"
}

func (n *StructField) String() string { return n.Name.String() + " " + n.Type.String() }

// ---------------------------------------------------------------------------------------------
// Queries

func (n *Select) String() string {
	var b strings.Builder
	if len(n.With) > 0 {
		ctes := make([]string, len(n.With))
		for i, c := range n.With {
			ctes[i] = c.String()
		}
		b.WriteString("WITH " + strings.Join(ctes, ", ") + " ")
	}
	b.WriteString("SELECT ")
	if n.Distinct {
		b.WriteString("DISTINCT ")
	}
	items := make([]string, len(n.Items))
	for i, it := range n.Items {
		items[i] = it.String()
	}
	b.WriteString(strings.Join(items, ", "))
	n.writeClauses(&b)
	return b.String()
}

func (n *Select) writeClauses(b *strings.Builder) {
	add := func(s string) { b.WriteString(" " + s) }
	if n.From != nil {
		add("FROM " + n.From.String())
	}
	if n.Where != nil {
		add("WHERE " + n.Where.String())
	}
	if n.Dedup != nil {
		add(n.Dedup.String())
	}
	if n.Window != nil {
		add(n.Window.String())
	}
	if len(n.GroupBy) > 0 {
		add("GROUP BY " + joinExprs(n.GroupBy))
	}
	if n.Having != nil {
		add("HAVING " + n.Having.String())
	}
	if n.Emit != "" {
		add("EMIT " + n.Emit)
	}
	if n.Limit != nil {
		add("LIMIT " + strconv.FormatInt(*n.Limit, 10))
	}
}

func (n *CTE) String() string { return n.Name.String() + " AS (" + n.Query.String() + ")" }

func (n *SelectItem) String() string {
	switch {
	case n.Star && n.Table != nil:
		return n.Table.String() + ".*"
	case n.Star:
		return "*"
	case n.Alias != nil:
		return n.Expr.String() + " AS " + n.Alias.String()
	}
	return n.Expr.String()
}

func (n *Dedup) String() string {
	s := "DEDUPLICATE BY " + joinExprs(n.Keys)
	if n.Within != nil {
		s += " WITHIN " + n.Within.String()
	}
	return s
}

func (n *WindowClause) String() string {
	var parts []string
	if n.Size != nil {
		parts = append(parts, "SIZE "+n.Size.String())
	}
	if n.Advance != nil {
		parts = append(parts, "ADVANCE BY "+n.Advance.String())
	}
	if n.Gap != nil {
		parts = append(parts, n.Gap.String())
	}
	if n.Grace != nil {
		parts = append(parts, "GRACE PERIOD "+n.Grace.String())
	}
	return "WINDOW " + n.Kind + " (" + strings.Join(parts, ", ") + ")"
}

func (n *Duration) String() string {
	v := strconv.FormatInt(n.Value, 10)
	if n.Interval {
		return "INTERVAL " + quoteString(v) + " " + n.Unit
	}
	return v + " " + n.Unit
}

func alias(a *Ident) string {
	if a == nil {
		return ""
	}
	return " AS " + a.String()
}

func (n *TableName) String() string { return n.Name.String() + alias(n.Alias) }
func (n *Subquery) String() string  { return "(" + n.Query.String() + ")" + alias(n.Alias) }

func (n *TableFunc) String() string {
	return "TABLE(" + funcName(n.Name) + "(" + joinExprs(n.Args) + "))" + alias(n.Alias)
}

func (n *Join) String() string {
	right := n.Right.String()
	if _, ok := n.Right.(*Join); ok {
		right = "(" + right + ")"
	}
	s := n.Left.String() + " " + n.Kind + " JOIN " + right
	if n.Within != nil {
		s += " WITHIN " + n.Within.String()
	}
	return s + " ON " + n.On.String()
}

// ---------------------------------------------------------------------------------------------
// Statements

func (f *File) String() string {
	var b strings.Builder
	for _, s := range f.Statements {
		b.WriteString(s.String() + ";\n")
	}
	return b.String()
}

func kind(isTable bool) string {
	if isTable {
		return "TABLE"
	}
	return "STREAM"
}

func ifNotExists(b bool) string {
	if b {
		return "IF NOT EXISTS "
	}
	return ""
}

func withOptions(opts []*Option) string {
	if len(opts) == 0 {
		return ""
	}
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = o.String()
	}
	return " WITH (" + strings.Join(parts, ", ") + ")"
}

func (n *Option) String() string {
	key := n.Key
	if !plainIdent(key) {
		key = quoteString(key)
	}
	return key + " = " + n.Value.String()
}

func (n *CreateStream) String() string {
	var elems []string
	for _, c := range n.Columns {
		elems = append(elems, c.String())
	}
	if n.Watermark != nil {
		elems = append(elems, n.Watermark.String())
	}
	if len(n.PrimaryKey) > 0 {
		elems = append(elems, "PRIMARY KEY ("+joinIdents(n.PrimaryKey)+")")
	}
	s := "CREATE " + kind(n.IsTable) + " " + ifNotExists(n.IfNotExists) + n.Name.String()
	if len(elems) > 0 {
		s += " (" + strings.Join(elems, ", ") + ")"
	}
	return s + withOptions(n.With)
}

func (n *ColumnDef) String() string {
	s := n.Name.String() + " " + n.Type.String()
	if n.NotNull {
		s += " NOT NULL"
	}
	return s
}

func (n *Watermark) String() string {
	return "WATERMARK FOR " + n.Column.String() + " AS " + n.Expr.String()
}

func (n *CreateAs) String() string {
	return "CREATE " + kind(n.IsTable) + " " + ifNotExists(n.IfNotExists) + n.Name.String() +
		withOptions(n.With) + " AS " + n.Query.String()
}

func (n *InsertInto) String() string {
	return "INSERT INTO " + n.Target.String() + " " + n.Query.String()
}

func (n *CreateSink) String() string {
	return "CREATE SINK " + ifNotExists(n.IfNotExists) + n.Name.String() + " FROM " + n.From.String() +
		withOptions(n.With)
}

func (n *SelectStatement) String() string { return n.Query.String() }
func (n *Show) String() string            { return "SHOW " + n.What }
func (n *Describe) String() string        { return "DESCRIBE " + n.Name.String() }
func (n *Explain) String() string         { return "EXPLAIN " + n.Statement.String() }

func (n *Drop) String() string {
	s := "DROP " + n.Kind + " "
	if n.IfExists {
		s += "IF EXISTS "
	}
	return s + n.Name.String()
}

func (n *Set) String() string { return "SET " + quoteString(n.Key) + " = " + quoteString(n.Value) }

func (n *Terminate) String() string {
	if n.All {
		return "TERMINATE ALL"
	}
	return "TERMINATE " + n.Name.String()
}
