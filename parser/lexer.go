package parser

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types of the hand-written scanner. Reserved words become Keyword tokens with an
// upper-case value; other words are Ident tokens as written. Comments and whitespace are
// dropped. Malformed input becomes a Bad* token so that the scanner never fails: the
// statement holding it is reported with a precise message.
const (
	tKeyword lexer.TokenType = iota + 1
	tIdent
	tQIdent
	tBIdent
	tNumber
	tString
	tOperator
	tBadString  // unterminated '...' (to end of line)
	tBadQIdent  // unterminated "..." or `...` (to end of line)
	tBadComment // unterminated /* ... (to end of file)
	tBadChar    // a character that starts no token
)

var symbols = map[string]lexer.TokenType{
	"EOF": lexer.EOF, "Keyword": tKeyword, "Ident": tIdent, "QIdent": tQIdent, "BIdent": tBIdent,
	"Number": tNumber, "String": tString, "Operator": tOperator, "BadString": tBadString,
	"BadQIdent": tBadQIdent, "BadComment": tBadComment, "BadChar": tBadChar,
}

// sqlLexer is the participle lexer.Definition. Parse does not use Lex (it scans once and feeds
// statements through sliceLexer), but participle needs the symbol table to build the grammar.
type sqlLexer struct{}

func (sqlLexer) Symbols() map[string]lexer.TokenType { return symbols }

func (sqlLexer) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return &sliceLexer{tokens: scan(filename, string(b))}, nil
}

// sliceLexer replays tokens, then EOF forever.
type sliceLexer struct {
	tokens []lexer.Token
	eof    lexer.Position
	i      int
}

func (l *sliceLexer) Next() (lexer.Token, error) {
	if l.i < len(l.tokens) {
		l.i++
		return l.tokens[l.i-1], nil
	}
	if len(l.tokens) > 0 && l.tokens[len(l.tokens)-1].EOF() {
		return l.tokens[len(l.tokens)-1], nil
	}
	return lexer.Token{Type: lexer.EOF, Pos: l.eof}, nil
}

// scanner turns source text into tokens.
type scanner struct {
	src  string
	off  int
	pos  lexer.Position
	toks []lexer.Token
}

// scan returns every token of src, ending with an EOF token.
func scan(filename, src string) []lexer.Token {
	s := &scanner{src: src, pos: lexer.Position{Filename: filename, Line: 1, Column: 1},
		toks: make([]lexer.Token, 0, len(src)/5+1)}
	for s.skipSpaceAndComments() {
		s.next()
	}
	s.toks = append(s.toks, lexer.Token{Type: lexer.EOF, Pos: s.pos})
	return s.toks
}

// advance moves past n bytes, tracking line and column (in characters).
func (s *scanner) advance(n int) {
	end := s.off + n
	for s.off < end {
		r, size := utf8.DecodeRuneInString(s.src[s.off:])
		s.off += size
		if r == '\n' {
			s.pos.Line++
			s.pos.Column = 1
		} else {
			s.pos.Column++
		}
	}
	s.pos.Offset = s.off
}

// skipSpaceAndComments reports whether a token follows.
func (s *scanner) skipSpaceAndComments() bool {
	for s.off < len(s.src) {
		rest := s.src[s.off:]
		switch {
		case rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' || rest[0] == '\f':
			s.advance(1)
		case strings.HasPrefix(rest, "--"):
			s.advance(lineLen(rest))
		case strings.HasPrefix(rest, "/*"):
			end := strings.Index(rest[2:], "*/")
			if end < 0 {
				s.emit(tBadComment, len(rest))
				return false
			}
			s.advance(end + 4)
		default:
			return true
		}
	}
	return false
}

func lineLen(s string) int {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return i
	}
	return len(s)
}

// emit appends a token made of the next n bytes.
func (s *scanner) emit(t lexer.TokenType, n int) {
	s.toks = append(s.toks, lexer.Token{Type: t, Value: s.src[s.off : s.off+n], Pos: s.pos})
	s.advance(n)
}

func (s *scanner) next() {
	rest := s.src[s.off:]
	c := rest[0]
	switch {
	case isLetter(c):
		s.word(rest)
	case isDigit(c) || (c == '.' && len(rest) > 1 && isDigit(rest[1])):
		s.emit(tNumber, numberLen(rest))
	case c == '\'':
		s.quoted(rest, '\'', tString, tBadString)
	case c == '"':
		s.quoted(rest, '"', tQIdent, tBadQIdent)
	case c == '`':
		s.quoted(rest, '`', tBIdent, tBadQIdent)
	default:
		s.operator(rest)
	}
}

func isLetter(c byte) bool { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func (s *scanner) word(rest string) {
	n := 1
	for n < len(rest) && (isLetter(rest[n]) || isDigit(rest[n])) {
		n++
	}
	if up := strings.ToUpper(rest[:n]); reservedSet[up] {
		s.toks = append(s.toks, lexer.Token{Type: tKeyword, Value: up, Pos: s.pos})
		s.advance(n)
		return
	}
	s.emit(tIdent, n)
}

// numberLen measures digits [. digits] [e [+-] digits].
func numberLen(s string) int {
	n := digits(s, 0)
	if n < len(s) && s[n] == '.' {
		n = digits(s, n+1)
	}
	if n < len(s) && (s[n] == 'e' || s[n] == 'E') {
		m := n + 1
		if m < len(s) && (s[m] == '+' || s[m] == '-') {
			m++
		}
		if m < len(s) && isDigit(s[m]) {
			n = digits(s, m)
		}
	}
	return n
}

func digits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// quoted scans a quote-delimited token where a doubled quote escapes it. An unterminated one
// becomes a bad token running to the end of its line or its first ';', so that the following
// statements still scan.
func (s *scanner) quoted(rest string, q byte, good, bad lexer.TokenType) {
	for i := 1; i < len(rest); i++ {
		if rest[i] != q {
			continue
		}
		if i+1 < len(rest) && rest[i+1] == q {
			i++
			continue
		}
		s.emit(good, i+1)
		return
	}
	n := lineLen(rest)
	if i := strings.IndexByte(rest[:n], ';'); i >= 0 {
		n = i
	}
	s.emit(bad, n)
}

var operators = []string{"<>", "<=", ">=", "!=", "||", "-", "+", "*", "/", "%", "=", "<", ">",
	"(", ")", ",", ".", ";", "[", "]"}

func (s *scanner) operator(rest string) {
	for _, op := range operators {
		if strings.HasPrefix(rest, op) {
			s.emit(tOperator, len(op))
			return
		}
	}
	_, size := utf8.DecodeRuneInString(rest)
	s.emit(tBadChar, size)
}
