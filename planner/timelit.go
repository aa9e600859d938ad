package planner

import (
	"time"

	"github.com/sluicedata/sluice/types"
)

// timestampLayouts are the forms a TIMESTAMP literal may take; a missing zone means UTC.
var timestampLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02",
}

// parseTimestamp parses a TIMESTAMP literal into epoch milliseconds (UTC).
func parseTimestamp(s string) (int64, bool) {
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UnixMilli(), true
		}
	}
	return 0, false
}

// parseDate parses a DATE literal (YYYY-MM-DD) into days since the epoch.
func parseDate(s string) (int64, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, false
	}
	return t.Unix() / 86400, true
}

// literalAsTime converts a STRING literal to a TIMESTAMP or DATE literal of type t.
func literalAsTime(l *Literal, t types.Type) (Expr, string) {
	s, _ := l.Value.(string)
	if l.Value == nil {
		return &Literal{T: t}, ""
	}
	var v int64
	var ok bool
	if t.Kind == types.KindDate {
		v, ok = parseDate(s)
	} else {
		v, ok = parseTimestamp(s)
	}
	if !ok {
		return nil, "cannot read '" + s + "' as " + t.String() + " (expected e.g. '2026-11-25T10:00:00Z')"
	}
	return &Literal{Value: v, T: t}, ""
}
