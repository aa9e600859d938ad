package parser

// Precedence climbing over the flat expression grammar: an operand followed by operators,
// each with its right operand. Levels, lowest first: OR, AND, NOT (prefix), comparisons
// (= <> < <= > >= IS IN BETWEEN LIKE, not associative), + - ||, * / %, unary - +.

// climber walks the operator list of one gExpr.
type climber struct {
	c   *converter
	ops []*gExprOp
	i   int
}

func (c *converter) expr(g *gExpr) Expr {
	cl := &climber{c: c, ops: g.Rest}
	x := cl.climb(cl.operand(g.First), precOr)
	if cl.i < len(cl.ops) { // only a stray operator the grammar let through can stop the climb early
		c.errorf(cl.ops[cl.i].Pos, "expected the end of the expression, found %s", cl.nextText())
	}
	return x
}

// opPrec is the binding power of an operator of the list.
func opPrec(op *gExprOp) int {
	if op.Op != "" {
		return binaryPrec[canonicalOp(op.Op)]
	}
	return precCompare
}

// climb extends left with every following operator that binds at least as tightly as min.
func (cl *climber) climb(left Expr, min int) Expr {
	for cl.i < len(cl.ops) {
		op := cl.ops[cl.i]
		p := opPrec(op)
		if p < min {
			break
		}
		cl.i++
		left = cl.apply(left, op, p)
		if p == precCompare {
			cl.noChainedComparison()
		}
	}
	return left
}

// noChainedComparison reports a comparison directly following another (a = b = c), which SQL
// does not allow; parentheses make the intent explicit.
func (cl *climber) noChainedComparison() {
	if cl.i < len(cl.ops) && opPrec(cl.ops[cl.i]) == precCompare {
		next := cl.ops[cl.i]
		cl.c.errorf(next.Pos, "expected AND, OR or the end of the expression after a comparison, found %s "+
			"(comparisons do not chain; add parentheses)", opText(next))
	}
}

func opText(op *gExprOp) string {
	switch {
	case op.Op != "":
		return "'" + op.Op + "'"
	case op.Is:
		return "IS"
	case op.In != nil:
		return "IN"
	}
	return op.Pred
}

// operand applies an operand's prefix operators, innermost (last written) first. NOT takes in
// the comparison that follows it (NOT a = b is NOT (a = b)); - and + bind tightest.
func (cl *climber) operand(g *gOperand) Expr {
	return cl.prefixed(g, 0)
}

func (cl *climber) prefixed(g *gOperand, k int) Expr {
	if k == len(g.Prefix) {
		return cl.c.postfix(g)
	}
	x := cl.prefixed(g, k+1)
	p := g.Prefix[k]
	if p.Op == "NOT" {
		x = cl.climb(x, precCompare)
	}
	return &Unary{At: pos(p.Pos), Op: p.Op, X: x}
}

// apply combines left with one operator.
func (cl *climber) apply(left Expr, op *gExprOp, p int) Expr {
	at := left.Pos()
	switch {
	case op.Op != "":
		return &Binary{At: at, Op: canonicalOp(op.Op), L: left, R: cl.climb(cl.operand(op.Right), p+1)}
	case op.Is:
		return &IsNull{At: at, X: left, Not: op.IsNot}
	case op.In != nil:
		return &In{At: at, X: left, List: cl.c.exprs(op.In), Not: op.Not}
	case op.Pred == "LIKE":
		return &Like{At: at, X: left, Pattern: cl.climb(cl.operand(op.Arg), precAdd), Not: op.Not}
	}
	return cl.between(left, op)
}

// between reads X BETWEEN lo AND hi, where the AND is the next operator of the list.
func (cl *climber) between(left Expr, op *gExprOp) Expr {
	lo := cl.climb(cl.operand(op.Arg), precAdd)
	b := &Between{At: left.Pos(), X: left, Lo: lo, Hi: lo, Not: op.Not}
	if cl.i >= len(cl.ops) || cl.ops[cl.i].Op != "AND" {
		cl.c.errorf(op.Arg.Pos, "expected AND after BETWEEN %s, found %s", lo.String(), cl.nextText())
		return b
	}
	and := cl.ops[cl.i]
	cl.i++
	b.Hi = cl.climb(cl.operand(and.Right), precAdd)
	return b
}

func (cl *climber) nextText() string {
	if cl.i < len(cl.ops) {
		return opText(cl.ops[cl.i])
	}
	return "the end of the expression"
}

func canonicalOp(op string) string {
	if op == "!=" {
		return "<>"
	}
	return op
}
