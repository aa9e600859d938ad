package parser

import (
	"fmt"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

var (
	stmtParser = participle.MustBuild[gStatement](parserOptions()...)
	exprParser = participle.MustBuild[gExpr](parserOptions()...)
)

func parserOptions() []participle.Option {
	return []participle.Option{
		participle.Lexer(sqlLexer{}),
		participle.CaseInsensitive("Ident"),
		participle.UseLookahead(0),
	}
}

// Parse parses a file of statements separated by ';' (the last one may omit it). It reports
// every error of the file, not only the first: the file is split at top-level ';' and each
// statement is parsed on its own, positions relative to the whole file. The returned error,
// when not nil, is an ErrorList sorted by position; the File then holds the statements that
// parsed without error.
func Parse(filename, src string) (*File, error) {
	f := &File{Name: filename}
	var errs ErrorList
	for _, chunk := range splitStatements(scan(filename, src)) {
		st, serrs := parseChunk(chunk)
		errs = append(errs, serrs...)
		if st != nil && len(serrs) == 0 {
			f.Statements = append(f.Statements, st)
		}
	}
	errs.Sort()
	return f, errs.Err()
}

// ParseStatement parses exactly one statement (a trailing ';' is allowed).
func ParseStatement(filename, src string) (Statement, error) {
	f, err := Parse(filename, src)
	if err != nil {
		return nil, err
	}
	if len(f.Statements) != 1 {
		return nil, ErrorList{{Pos: Pos{File: filename, Line: 1, Col: 1},
			Msg: fmt.Sprintf("expected one statement, found %d", len(f.Statements))}}
	}
	return f.Statements[0], nil
}

// ParseExpr parses a single expression.
func ParseExpr(filename, src string) (x Expr, err error) {
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, ErrorList{{Pos: Pos{File: filename, Line: 1, Col: 1}, Msg: fmt.Sprintf("internal error: %v", r)}}
		}
	}()
	toks := scan(filename, src)
	if errs := badTokens(toks); len(errs) > 0 {
		return nil, errs
	}
	g, err := parseTokens(exprParser, toks)
	if err != nil {
		return nil, ErrorList{syntaxError(exprParser, toks, err)}
	}
	c := &converter{}
	x = c.expr(g)
	return x, c.errs.Err()
}

// splitStatements cuts the token stream at ';' tokens. Each statement ends with an EOF token
// placed at its ';' (Value ";") or at the end of the file.
func splitStatements(toks []lexer.Token) [][]lexer.Token {
	var out [][]lexer.Token
	start := 0
	for i, t := range toks {
		end := t.EOF() || (t.Type == tOperator && t.Value == ";")
		if !end {
			continue
		}
		if i > start {
			chunk := append(toks[start:i:i], lexer.Token{Type: lexer.EOF, Value: t.Value, Pos: t.Pos})
			out = append(out, chunk)
		}
		start = i + 1
	}
	return out
}

// parseChunk parses one statement. A panic (a bug) is turned into an "internal error" at the
// statement, so that it never crosses the package boundary; the fuzz test looks for these.
func parseChunk(toks []lexer.Token) (st Statement, errs ErrorList) {
	defer func() {
		if r := recover(); r != nil {
			st, errs = nil, ErrorList{{Pos: pos(toks[0].Pos), Msg: fmt.Sprintf("internal error: %v", r)}}
		}
	}()
	if errs := badTokens(toks); len(errs) > 0 {
		return nil, errs
	}
	g, err := parseTokens(stmtParser, toks)
	if err != nil {
		return nil, ErrorList{syntaxError(stmtParser, toks, err)}
	}
	c := &converter{}
	st = c.statement(g)
	return st, c.errs
}

// parseTokens runs participle over toks. A panic inside participle (it panics on some grammar
// conditions rather than returning an error) becomes an error at the first token.
func parseTokens[G any](p *participle.Parser[G], toks []lexer.Token) (g *G, err error) {
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, participle.Errorf(toks[0].Pos, "internal error: %v", r)
		}
	}()
	peek, err := lexer.Upgrade(&sliceLexer{tokens: toks})
	if err != nil {
		return nil, err
	}
	return p.ParseFromLexer(peek)
}

// badTokens reports the first malformed token of a statement.
func badTokens(toks []lexer.Token) ErrorList {
	for _, t := range toks {
		if msg := badTokenMessage(t); msg != "" {
			return ErrorList{{Pos: pos(t.Pos), Msg: msg}}
		}
	}
	return nil
}

func badTokenMessage(t lexer.Token) string {
	switch t.Type {
	case tBadString:
		return "unterminated string literal: expected a closing ', found end of line"
	case tBadQIdent:
		return fmt.Sprintf("unterminated quoted identifier: expected a closing %c, found end of line", t.Value[0])
	case tBadComment:
		return "unterminated comment: expected */, found end of input"
	case tBadChar:
		return fmt.Sprintf("expected a name, literal, operator or punctuation, found '%s'", t.Value)
	}
	return ""
}
