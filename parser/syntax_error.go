package parser

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// A syntax error names what was expected and what was found. participle knows the position
// but not a useful expected set, so the set is measured: each candidate token (every keyword,
// contextual word and punctuation mark, an identifier, a number, a string, the end of the
// statement) is put in place of the offending token, and the candidates that let the parse get
// further are what was expected. This costs about a hundred re-parses of one statement, only
// on the error path.

// candidate is a token that may be expected, with how it is shown.
type candidate struct {
	tok     lexer.Token
	display string
	word    string // keyword text for suggestions, "" for punctuation and classes
}

var candidates = buildCandidates()

// displayOrder puts statement starters and clauses first so that lists read naturally.
var displayOrder = []string{
	"CREATE", "INSERT", "SELECT", "WITH", "SHOW", "DESCRIBE", "EXPLAIN", "DROP", "SET", "TERMINATE",
	"STREAM", "TABLE", "SINK", "DISTINCT", "FROM", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "JOIN",
	"WITHIN", "ON", "WHERE", "DEDUPLICATE", "WINDOW", "GROUP", "HAVING", "EMIT", "LIMIT",
	"TUMBLING", "HOPPING", "SESSION", "SIZE", "ADVANCE", "GRACE", "GAP", "CHANGES", "FINAL",
	"STREAMS", "TABLES", "SINKS", "QUERIES", "AS", "AND", "OR", "NOT", "IS", "IN", "BETWEEN", "LIKE",
}

var multiWord = map[string]string{"GROUP": "GROUP BY", "DEDUPLICATE": "DEDUPLICATE BY",
	"PRIMARY": "PRIMARY KEY", "ADVANCE": "ADVANCE BY", "GRACE": "GRACE PERIOD"}

// punctuationOrder lists the punctuation candidates, structural ones first.
var punctuationOrder = []string{")", ",", "(", "]", "<", ">", "=", "*", ".", "[", "-", "+", "/",
	"%", "||", "<>", "<=", ">=", "!="}

// displayWord shows a keyword with the word that always follows it (GROUP BY).
func displayWord(w string) string {
	if m, ok := multiWord[w]; ok {
		return m
	}
	return w
}

func buildCandidates() []candidate {
	var out []candidate
	seen := map[string]bool{}
	addWord := func(w string) {
		if seen[w] {
			return
		}
		seen[w] = true
		typ := tIdent
		if reservedSet[w] {
			typ = tKeyword
		}
		out = append(out, candidate{tok: lexer.Token{Type: typ, Value: w}, display: displayWord(w), word: w})
	}
	for _, w := range displayOrder {
		addWord(w)
	}
	for _, w := range append(append([]string{}, reservedWords...), contextualWords...) {
		addWord(w)
	}
	for _, op := range punctuationOrder {
		{
			out = append(out, candidate{tok: lexer.Token{Type: tOperator, Value: op}, display: "'" + op + "'"})
		}
	}
	return append(out,
		candidate{tok: lexer.Token{Type: tIdent, Value: "x_"}, display: "a name"},
		candidate{tok: lexer.Token{Type: tNumber, Value: "1"}, display: "a number"},
		candidate{tok: lexer.Token{Type: tString, Value: "'s'"}, display: "a string"})
}

// maxMeasured bounds the statement prefix (in tokens) for which the expected set is measured;
// beyond it the measurement (about a hundred re-parses) would be slow and participle's own
// expectation is reported instead.
const maxMeasured = 150

// syntaxError turns a participle error into an Error naming what was expected and found.
func syntaxError[G any](p *participle.Parser[G], toks []lexer.Token, err error) *Error {
	var perr participle.Error
	if !errors.As(err, &perr) {
		return &Error{Pos: pos(toks[0].Pos), Msg: err.Error()}
	}
	idx := tokenIndex(toks, perr.Position())
	found := toks[idx]
	if e := misspeltAlias(p, toks, idx); e != nil {
		return e
	}
	if what := grammarExpected(perr); what != "" && found.Type != tIdent || idx > maxMeasured {
		return &Error{Pos: pos(found.Pos), Msg: "expected " + participleExpected(perr) + ", found " + describeToken(found)}
	}
	return measuredError(found, expectedAt(p, toks, idx))
}

func measuredError(found lexer.Token, exp []candidate) *Error {
	if found.Type == tIdent {
		if kw, ok := closest(found.Value, expectedWords(exp)); ok {
			return &Error{Pos: pos(found.Pos), Msg: fmt.Sprintf("expected %s, found '%s' (did you mean %s?)",
				displayWord(kw), found.Value, kw)}
		}
	}
	msg := "expected " + describeExpected(exp) + ", found " + describeToken(found)
	if found.Type == tIdent || found.Type == tQIdent || found.Type == tBIdent {
		msg += aliasHint(exp)
	}
	return &Error{Pos: pos(found.Pos), Msg: msg}
}

// grammarNames describes the grammar structs that participle names when it expected one of
// them; these descriptions are clearer than a measured list of tokens.
var grammarNames = map[string]string{
	"GUnit":     "a time unit (MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS)",
	"GType":     "a type name",
	"GLimit":    "a whole number",
	"GExpr":     "an expression",
	"GOperand":  "an expression",
	"GPrimary":  "an expression",
	"GIdent":    "a name",
	"GDuration": "a duration (10 SECONDS or INTERVAL '10' SECOND)",
	"GQuery":    "SELECT or WITH",
	"GTableRef": "a stream, a table or a (subquery)",
}

var participleExpectation = regexp.MustCompile(`\(expected (.+)\)$`)

// grammarExpected describes the grammar struct participle expected, or "".
func grammarExpected(err participle.Error) string {
	m := participleExpectation.FindStringSubmatch(err.Message())
	if m == nil {
		return ""
	}
	return grammarNames[m[1]]
}

// participleExpected describes participle's own expectation, as a fallback.
func participleExpected(err participle.Error) string {
	if what := grammarExpected(err); what != "" {
		return what
	}
	m := participleExpectation.FindStringSubmatch(err.Message())
	if m == nil {
		return "a valid continuation of the statement"
	}
	first := strings.Trim(strings.Fields(m[1])[0], "()*?+")
	switch {
	case grammarNames[first] != "":
		return grammarNames[first]
	case strings.HasPrefix(first, `"`):
		lit := strings.Trim(first, `"`)
		if isLetter(lit[0]) {
			return strings.ToUpper(lit)
		}
		return "'" + lit + "'"
	}
	return "a valid continuation of the statement"
}

// aliasHint reminds that a select item's alias needs AS (only table aliases may omit it).
func aliasHint(exp []candidate) string {
	for _, c := range exp {
		if c.word == "AS" {
			return " (a column alias needs AS)"
		}
	}
	return ""
}

// tokenIndex finds the token at position p (the last one not after it).
func tokenIndex(toks []lexer.Token, p lexer.Position) int {
	idx := 0
	for i, t := range toks {
		if t.Pos.Offset > p.Offset {
			break
		}
		idx = i
	}
	return idx
}

// expectedAt measures which candidates can stand at toks[idx].
func expectedAt[G any](p *participle.Parser[G], toks []lexer.Token, idx int) []candidate {
	var out []candidate
	for _, c := range candidates {
		if c.tok.Type == tString && idx > 0 && !typedLiteralPrefix(toks[idx-1]) {
			continue // after a name a string only makes a typed literal
		}
		if progresses(p, toks, idx, c.tok) {
			out = append(out, c)
		}
	}
	if endAllowed(p, toks, idx) {
		out = append(out, candidate{display: "end of statement"})
	}
	return out
}

func typedLiteralPrefix(t lexer.Token) bool {
	if t.Type != tIdent {
		return true
	}
	return strings.EqualFold(t.Value, "TIMESTAMP") || strings.EqualFold(t.Value, "DATE")
}

// progresses reports whether putting t in place of toks[idx] lets the parse succeed or fail
// only later. Only the token after t is kept (then an end at its position): whether t fits is
// decided by then, and the shorter input keeps the ~100 trials cheap.
func progresses[G any](p *participle.Parser[G], toks []lexer.Token, idx int, t lexer.Token) bool {
	trial := make([]lexer.Token, 0, idx+3)
	trial = append(trial, toks[:idx]...)
	t.Pos = toks[idx].Pos
	trial = append(trial, t)
	if toks[idx].EOF() {
		eof := toks[idx]
		eof.Pos.Offset++
		eof.Pos.Column++
		trial = append(trial, eof)
	} else {
		next := toks[idx+1]
		trial = append(trial, next)
		if !next.EOF() {
			trial = append(trial, lexer.Token{Type: lexer.EOF, Pos: next.Pos})
		}
	}
	_, err := parseTokens(p, trial)
	var perr participle.Error
	if err == nil || !errors.As(err, &perr) {
		return err == nil
	}
	return perr.Position().Offset > t.Pos.Offset
}

// endAllowed reports whether the statement could end just before toks[idx].
func endAllowed[G any](p *participle.Parser[G], toks []lexer.Token, idx int) bool {
	if toks[idx].EOF() || idx == 0 {
		return false
	}
	trial := append(toks[:idx:idx], lexer.Token{Type: lexer.EOF, Pos: toks[idx].Pos})
	_, err := parseTokens(p, trial)
	return err == nil
}

// misspeltAlias catches a misspelt clause keyword that the grammar took as a table alias
// (FROM t WHRE x > 1 fails at x): if the word before the error is an unquoted name close to a
// keyword, and that keyword in its place lets the parse get further, blame the word.
func misspeltAlias[G any](p *participle.Parser[G], toks []lexer.Token, idx int) *Error {
	if idx < 2 || toks[idx-1].Type != tIdent || toks[idx-2].Type != tIdent && toks[idx-2].Value != ")" {
		return nil
	}
	prev := toks[idx-1]
	kw, ok := closest(prev.Value, reservedWords)
	if !ok || !progresses(p, toks, idx-1, lexer.Token{Type: tKeyword, Value: kw}) {
		return nil
	}
	return &Error{Pos: pos(prev.Pos), Msg: fmt.Sprintf("expected %s, found '%s' (did you mean %s?)",
		displayWord(kw), prev.Value, kw)}
}

func expectedWords(exp []candidate) []string {
	var out []string
	for _, c := range exp {
		if c.word != "" {
			out = append(out, c.word)
		}
	}
	return out
}

// operatorWords are the candidates that merely continue an expression; when anything else is
// expected too they are summarised as "an operator".
var operatorWords = map[string]bool{"AND": true, "OR": true, "NOT": true, "IS": true, "IN": true,
	"BETWEEN": true, "LIKE": true, "OVER": true, "=": true, "<>": true, "!=": true, "<": true,
	"<=": true, ">": true, ">=": true, "+": true, "-": true, "*": true, "/": true, "%": true,
	"||": true, "[": true, ".": true}

// exprStarters are the candidates that begin an expression; when names, numbers and strings
// are all expected they are summarised as "an expression".
var exprStarters = map[string]bool{"a name": true, "a number": true, "a string": true,
	"CASE": true, "CAST": true, "TRUE": true, "FALSE": true, "NULL": true, "INTERVAL": true,
	"NOT": true, "'-'": true, "'+'": true, "'('": true, "TABLE": true}

// describeExpected lists the expected candidates: expression starters and operators are
// summarised, contextual words are dropped when any name is accepted (they are names too),
// and long lists are cut.
func describeExpected(exp []candidate) string {
	has := map[string]bool{}
	for _, c := range exp {
		has[c.display] = true
	}
	exprOK := has["a name"] && has["a number"] && has["a string"]
	var parts, ops []string
	end := false
	for _, c := range exp {
		switch {
		case exprOK && exprStarters[c.display]:
		case has["a name"] && c.tok.Type == tIdent && c.word != "":
		case c.display == "end of statement":
			end = true
		case operatorWords[c.tok.Value]:
			ops = append(ops, c.display)
		default:
			parts = append(parts, c.display)
		}
	}
	return joinOr(summarise(parts, ops, exprOK, end))
}

func summarise(parts, ops []string, exprOK, end bool) []string {
	if exprOK {
		parts = append([]string{"an expression"}, parts...)
	}
	if len(parts) == 0 || !contains(ops, "'='") {
		parts, ops = append(parts, ops...), nil
	}
	if len(parts) > 7 {
		parts = append(parts[:7], "...")
	}
	if len(ops) > 0 {
		parts = append(parts, "an operator")
	}
	if end {
		parts = append(parts, "end of statement")
	}
	return parts
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func joinOr(parts []string) string {
	switch len(parts) {
	case 0:
		return "nothing more"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

func describeToken(t lexer.Token) string {
	switch {
	case t.EOF() && t.Value == ";":
		return "';'"
	case t.EOF():
		return "end of input"
	case t.Type == tString:
		return "string " + t.Value
	case t.Type == tQIdent || t.Type == tBIdent:
		return t.Value
	}
	return "'" + t.Value + "'"
}
