package parser

import "strings"

// reservedWords are lexed as Keyword tokens and can be used as identifiers only when quoted.
// The set is kept small: words that end an expression or a table reference (so that aliases
// without AS stay unambiguous), statement starters, and literal/operator words. Everything else
// the grammar needs (STREAM, SINK, SIZE, ADVANCE, GRACE, PERIOD, GAP, TUMBLING, HOPPING,
// SESSION, CHANGES, FINAL, KEY, PARTITION, ORDER, ASC, DESC, ALL, TIMESTAMP, DATE, EXTRACT,
// SUBSTRING, DESCRIPTOR, units and type names) is a contextual keyword: an ordinary
// identifier matched by its text, so `date`, `size` or `key` remain valid column names.
var reservedWords = []string{
	"AND", "AS", "BETWEEN", "BY", "CASE", "CAST", "CREATE", "CROSS", "DEDUPLICATE", "DESCRIBE",
	"DISTINCT", "DROP", "ELSE", "EMIT", "END", "EXISTS", "EXPLAIN", "FALSE", "FOR", "FROM",
	"FULL", "GROUP", "HAVING", "IF", "IN", "INNER", "INSERT", "INTERVAL", "INTO", "IS", "JOIN",
	"LEFT", "LIKE", "LIMIT", "NOT", "NULL", "ON", "OR", "OUTER", "OVER", "PRIMARY", "RIGHT",
	"SELECT", "SET", "SHOW", "TABLE", "TERMINATE", "THEN", "TRUE", "WATERMARK", "WHEN", "WHERE",
	"WINDOW", "WITH", "WITHIN",
}

// contextualWords are the non-reserved words the grammar matches by text; with reservedWords
// they form the vocabulary used for "did you mean" suggestions.
var contextualWords = []string{
	"ADVANCE", "ALL", "ASC", "CHANGES", "DESC", "DESCRIPTOR", "ENFORCED", "EXTRACT", "FINAL",
	"GAP", "GRACE", "HOPPING", "KEY", "ORDER", "PARTITION", "PERIOD", "QUERIES", "SESSION",
	"SINK", "SINKS", "SIZE", "STREAM", "STREAMS", "SUBSTRING", "TABLES", "TUMBLING",
}

var reservedSet = func() map[string]bool {
	m := make(map[string]bool, len(reservedWords))
	for _, w := range reservedWords {
		m[w] = true
	}
	return m
}()

// isReserved reports whether s (any case) is a reserved keyword.
func isReserved(s string) bool { return reservedSet[strings.ToUpper(s)] }
