package format

import (
	"unicode/utf16"
	"unicode/utf8"
)

// scanner walks one JSON text. Its methods validate the syntax they consume and report
// malformed input as "decode" errors.
type scanner struct {
	data    []byte
	pos     int
	scratch []byte // unescaped strings
}

func (s *scanner) reset(data []byte) { s.data, s.pos = data, 0 }

// ws skips white space and returns the next byte (0 at the end).
func (s *scanner) ws() byte {
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c
		}
		s.pos++
	}
	return 0
}

func (s *scanner) atEnd() bool { return s.pos >= len(s.data) }

// unexpected reports the byte at pos (or the end of input) where want was expected.
func (s *scanner) unexpected(want string) *RecordError {
	if s.atEnd() {
		return errEOF
	}
	return decodeErr("invalid character %s at byte %d, expected %s", quoteChar(s.data[s.pos]), s.pos+1, want)
}

func quoteChar(c byte) string {
	if c < 0x20 || c >= 0x7f {
		return "'\\x" + string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&15]) + "'"
	}
	return "'" + string(c) + "'"
}

// literal consumes the word (null, true, false) that starts at pos.
func (s *scanner) literal(word string) *RecordError {
	end := s.pos + len(word)
	if end > len(s.data) {
		if string(s.data[s.pos:]) == word[:len(s.data)-s.pos] {
			return errEOF
		}
		return s.unexpected("a value")
	}
	if string(s.data[s.pos:end]) != word {
		return s.unexpected("a value")
	}
	s.pos = end
	return nil
}

// str consumes a string whose opening quote is at pos and returns its content: a view of the
// input when it has no escape, else the scratch buffer (valid until the next str).
func (s *scanner) str() ([]byte, *RecordError) {
	start := s.pos + 1
	for i := start; i < len(s.data); i++ {
		c := s.data[i]
		if c == '"' {
			s.pos = i + 1
			return s.data[start:i], nil
		}
		if c == '\\' {
			return s.strEscaped(start, i)
		}
		if c < 0x20 {
			s.pos = i
			return nil, decodeErr("invalid control character %s in string at byte %d", quoteChar(c), i+1)
		}
	}
	s.pos = len(s.data)
	return nil, errEOF
}

// strEscaped continues str from the first backslash at i, unescaping into scratch.
func (s *scanner) strEscaped(start, i int) ([]byte, *RecordError) {
	s.scratch = append(s.scratch[:0], s.data[start:i]...)
	for i < len(s.data) {
		c := s.data[i]
		switch {
		case c == '"':
			s.pos = i + 1
			return s.scratch, nil
		case c == '\\':
			n, err := s.escape(i)
			if err != nil {
				return nil, err
			}
			i = n
		case c < 0x20:
			s.pos = i
			return nil, decodeErr("invalid control character %s in string at byte %d", quoteChar(c), i+1)
		default:
			s.scratch = append(s.scratch, c)
			i++
		}
	}
	s.pos = len(s.data)
	return nil, errEOF
}

var simpleEscapes = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// escape decodes the escape sequence at i into scratch and returns the index after it.
func (s *scanner) escape(i int) (int, *RecordError) {
	if i+1 >= len(s.data) {
		return 0, errEOF
	}
	c := s.data[i+1]
	if r := simpleEscapes[c]; r != 0 {
		s.scratch = append(s.scratch, r)
		return i + 2, nil
	}
	if c != 'u' {
		s.pos = i + 1
		return 0, decodeErr("invalid escape %s in string at byte %d", quoteChar(c), i+2)
	}
	r, n, err := s.unicodeEscape(i)
	if err != nil {
		return 0, err
	}
	s.scratch = utf8.AppendRune(s.scratch, r)
	return n, nil
}

// unicodeEscape decodes \uXXXX (and a following low surrogate) at i.
func (s *scanner) unicodeEscape(i int) (rune, int, *RecordError) {
	r, ok := hex4(s.data, i+2)
	if !ok {
		return 0, 0, s.badUnicode(i)
	}
	if !utf16.IsSurrogate(r) {
		return r, i + 6, nil
	}
	if i+12 <= len(s.data) && s.data[i+6] == '\\' && s.data[i+7] == 'u' {
		if lo, ok := hex4(s.data, i+8); ok {
			if d := utf16.DecodeRune(r, lo); d != utf8.RuneError {
				return d, i + 12, nil
			}
		}
	}
	return utf8.RuneError, i + 6, nil
}

func (s *scanner) badUnicode(i int) *RecordError {
	if i+6 > len(s.data) {
		return errEOF
	}
	return decodeErr("invalid \\u escape in string at byte %d", i+1)
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// number consumes a number token at pos and returns it; integral says it has neither a
// fraction nor an exponent.
func (s *scanner) number() (tok []byte, integral bool, err *RecordError) {
	start, i := s.pos, s.pos
	if i < len(s.data) && s.data[i] == '-' {
		i++
	}
	i, err = s.digits(i, true)
	if err != nil {
		return nil, false, err
	}
	integral = true
	if i < len(s.data) && s.data[i] == '.' {
		integral = false
		if i, err = s.digits(i+1, false); err != nil {
			return nil, false, err
		}
	}
	if i < len(s.data) && (s.data[i] == 'e' || s.data[i] == 'E') {
		integral = false
		if i, err = s.exponent(i + 1); err != nil {
			return nil, false, err
		}
	}
	s.pos = i
	return s.data[start:i], integral, nil
}

// digits consumes one or more digits at i (no leading zero before another digit when lead).
func (s *scanner) digits(i int, lead bool) (int, *RecordError) {
	start := i
	for i < len(s.data) && s.data[i] >= '0' && s.data[i] <= '9' {
		i++
	}
	if i == start || lead && s.data[start] == '0' && i-start > 1 {
		s.pos = min(i, start+1)
		if i == start {
			return 0, s.unexpected("a digit")
		}
		return 0, decodeErr("invalid number: leading zero at byte %d", start+1)
	}
	return i, nil
}

func (s *scanner) exponent(i int) (int, *RecordError) {
	if i < len(s.data) && (s.data[i] == '+' || s.data[i] == '-') {
		i++
	}
	return s.digits(i, false)
}

// skipValue consumes one value of any kind, validating it.
func (s *scanner) skipValue() *RecordError {
	return s.skipDepth(0)
}

const maxDepth = 1000

func (s *scanner) skipDepth(depth int) *RecordError {
	if depth > maxDepth {
		return decodeErr("JSON nested deeper than %d levels", maxDepth)
	}
	switch c := s.ws(); {
	case c == '"':
		_, err := s.str()
		return err
	case c == '{':
		return s.skipObject(depth)
	case c == '[':
		return s.skipArray(depth)
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		_, _, err := s.number()
		return err
	}
	return s.unexpected("a value")
}

func (s *scanner) skipObject(depth int) *RecordError {
	return s.members('}', func() *RecordError {
		if s.ws() != '"' {
			return s.unexpected("a string key")
		}
		if _, err := s.str(); err != nil {
			return err
		}
		if s.ws() != ':' {
			return s.unexpected("':'")
		}
		s.pos++
		return s.skipDepth(depth + 1)
	})
}

func (s *scanner) skipArray(depth int) *RecordError {
	return s.members(']', func() *RecordError { return s.skipDepth(depth + 1) })
}

// members consumes the opening byte at pos, then items separated by commas, then close; item consumes one item.
func (s *scanner) members(close byte, item func() *RecordError) *RecordError {
	s.pos++ // open
	if s.ws() == close {
		s.pos++
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		switch s.ws() {
		case ',':
			s.pos++
		case close:
			s.pos++
			return nil
		default:
			return s.unexpected("',' or '" + string(close) + "'")
		}
	}
}
