package repl

import "strings"

// lexState is what a byte of SQL text belongs to: plain SQL, a quoted string or identifier,
// or a comment.
type lexState uint8

const (
	inCode lexState = iota
	inString
	inDoubleQuoted
	inBackQuoted
	inLineComment
	inBlockComment
)

func (s lexState) comment() bool { return s == inLineComment || s == inBlockComment }

var closer = map[lexState]byte{inString: '\'', inDoubleQuoted: '"', inBackQuoted: '`'}

// classify returns the state of every byte of text (quotes and comment markers belong to
// their run; the newline ending a line comment is code) and the state after the last byte,
// which is not inCode when the text ends inside a string or a comment. A doubled quote (”)
// reads as a close and a reopen, which is the same thing.
func classify(text string) ([]lexState, lexState) {
	cls := make([]lexState, len(text))
	state, openAt := inCode, 0
	for i := 0; i < len(text); i++ {
		if state == inCode {
			if state = opens(text, i); state != inCode {
				cls[i], openAt = state, i
				continue
			}
		}
		cls[i] = state
		if closes(state, text, i, openAt) {
			if state == inLineComment {
				cls[i] = inCode
			}
			state = inCode
		}
	}
	if state == inLineComment {
		state = inCode // a line comment ends with the text
	}
	return cls, state
}

// closes reports whether byte i ends the run of state that opened at openAt. The newline
// ending a line comment is code.
func closes(state lexState, text string, i, openAt int) bool {
	switch state {
	case inString, inDoubleQuoted, inBackQuoted:
		return text[i] == closer[state]
	case inLineComment:
		return text[i] == '\n'
	case inBlockComment:
		return text[i] == '/' && text[i-1] == '*' && i-1 > openAt+1
	}
	return false
}

// opens returns the state that byte i starts, inCode for an ordinary byte.
func opens(text string, i int) lexState {
	next := byte(0)
	if i+1 < len(text) {
		next = text[i+1]
	}
	switch {
	case text[i] == '\'':
		return inString
	case text[i] == '"':
		return inDoubleQuoted
	case text[i] == '`':
		return inBackQuoted
	case text[i] == '-' && next == '-':
		return inLineComment
	case text[i] == '/' && next == '*':
		return inBlockComment
	}
	return inCode
}

// piece is a complete statement of the input and where it starts in the text it was cut from.
type piece struct {
	text string
	at   int // byte offset
}

// splitStatements cuts text at each ';' outside strings, quoted identifiers and comments. It
// returns the complete statements (each with its ';', leading blank lines trimmed, statements
// holding only comments dropped), the offset of the unfinished rest, and the state at the end
// of the text.
func splitStatements(text string) (stmts []piece, rest int, state lexState) {
	cls, state := classify(text)
	for i, c := range cls {
		if c != inCode || text[i] != ';' {
			continue
		}
		stmt := strings.TrimLeft(text[rest:i+1], " \t\r\n")
		if !onlyNoise(stmt) {
			stmts = append(stmts, piece{text: stmt, at: i + 1 - len(stmt)})
		}
		rest = i + 1
	}
	return stmts, rest, state
}

// position is a line and column of the input (1-based).
type position struct{ line, col int }

// advance moves p over text.
func (p position) advance(text string) position {
	for _, c := range []byte(text) {
		if c == '\n' {
			p.line, p.col = p.line+1, 1
		} else {
			p.col++
		}
	}
	return p
}

// onlyNoise reports whether text holds nothing but whitespace, comments and ';'.
func onlyNoise(text string) bool {
	return strings.Trim(withoutComments(text), " \t\r\n;") == ""
}

// withoutComments replaces each comment by a space (a line comment keeps its newline).
func withoutComments(text string) string {
	cls, _ := classify(text)
	var b strings.Builder
	for i, c := range cls {
		switch {
		case !c.comment():
			b.WriteByte(text[i])
		case i == 0 || !cls[i-1].comment():
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// historyEntry turns a statement typed over several lines into one history line: comments
// are dropped and lines are joined with a space (the history file holds one entry a line).
func historyEntry(stmt string) string {
	var parts []string
	for _, l := range strings.Split(withoutComments(stmt), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}
