package repl

import "strings"

// sqlTokens splits text into words (upper-cased), quoted strings and identifiers (as written),
// and single punctuation characters, dropping comments and whitespace. It is for completion:
// rough, never failing.
func sqlTokens(text string) []string {
	cls, _ := classify(text)
	var out []string
	for i := 0; i < len(text); {
		j := tokenEnd(text, cls, i)
		if tok := text[i:j]; cls[i] != inCode || !isSpace(tok[0]) {
			if !cls[i].comment() {
				out = append(out, normalizeToken(tok, cls[i]))
			}
		}
		i = j
	}
	return out
}

// tokenEnd returns the end of the token starting at i: a run of one quoted or comment class
// (a doubled quote keeps a string in one run), a run of word bytes, or one byte.
func tokenEnd(text string, cls []lexState, i int) int {
	j := i + 1
	switch {
	case cls[i] != inCode:
		for j < len(text) && cls[j] == cls[i] {
			j++
		}
	case isWordByte(text[i]) && text[i] != '"':
		for j < len(text) && cls[j] == inCode && isWordByte(text[j]) && text[j] != '"' {
			j++
		}
	}
	return j
}

func normalizeToken(tok string, c lexState) string {
	if c == inCode {
		return strings.ToUpper(tok)
	}
	return tok
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// last returns the n-th token from the end (1 = the last), or "".
func last(toks []string, n int) string {
	if len(toks) < n {
		return ""
	}
	return toks[len(toks)-n]
}

// inWith reports whether the tokens end inside an open WITH ( ... ) list.
func inWith(toks []string) bool {
	depth, withAt := 0, -1
	for i, t := range toks {
		switch t {
		case "(":
			depth++
			if i > 0 && toks[i-1] == "WITH" && withAt < 0 {
				withAt = depth
			}
		case ")":
			if depth == withAt {
				withAt = -1
			}
			depth--
		}
	}
	return withAt > 0
}

// withConnector returns the connector named by `connector = '...'` in the tokens, or "".
func withConnector(toks []string) string {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i] == "CONNECTOR" && toks[i+1] == "=" {
			return strings.Trim(toks[i+2], "'")
		}
	}
	return ""
}
