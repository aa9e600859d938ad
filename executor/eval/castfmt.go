package eval

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sluicedata/sluice/types"
)

// Text conversions used by CAST, CONCAT and JSON rendering.

func formatBool(v bool) string {
	if v {
		return "true"
	}
	return "false"
}

// formatFloat prints the shortest text that reads back as v, without an exponent for
// 1e-6 <= |v| < 1e21 (the rule of JSON encoders).
func formatFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	}
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		s := strconv.FormatFloat(v, 'e', -1, 64)
		if n := len(s); n >= 4 && s[n-4] == 'e' && s[n-2] == '0' {
			s = s[:n-2] + s[n-1:] // e-07 → e-7, as JSON encoders print it
		}
		return s
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func i64ToStr(from types.Type) func(int64) (string, bool) {
	switch from.Kind {
	case types.KindDecimal:
		s := from.Scale
		return func(v int64) (string, bool) { return formatDecimal(v, s), true }
	case types.KindTimestamp:
		return func(v int64) (string, bool) { return types.FormatTimestamp(v), true }
	case types.KindDate:
		return func(v int64) (string, bool) { return types.FormatDate(v), true }
	}
	return func(v int64) (string, bool) { return strconv.FormatInt(v, 10), true }
}

func strToI64(to types.Type) func(string) (int64, bool) {
	switch to.Kind {
	case types.KindDecimal:
		return func(s string) (int64, bool) {
			v, ok := parseDecimal(s, to.Scale)
			return v, ok && fitsPrecision(v, to.Precision)
		}
	case types.KindTimestamp:
		return parseTimestamp
	case types.KindDate:
		return parseDate
	}
	return func(s string) (int64, bool) {
		v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return 0, false
		}
		return intRange(v, to)
	}
}

func parseFloat(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v, err == nil
}

func parseBool(s string) (bool, bool) {
	s = strings.TrimSpace(s)
	switch {
	case strings.EqualFold(s, "true"):
		return true, true
	case strings.EqualFold(s, "false"):
		return false, true
	}
	return false, false
}

// timestampLayouts are the texts CAST(… AS TIMESTAMP) reads; no zone means UTC. Fractional
// seconds are accepted after the seconds by every layout (time.Parse does that).
var timestampLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02",
}

func parseTimestamp(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UnixMilli(), true
		}
	}
	return 0, false
}

// parseDate reads YYYY-MM-DD, or a timestamp text whose UTC day it takes.
func parseDate(s string) (int64, bool) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		ms, ok := parseTimestamp(s)
		return floorDiv(ms, msPerDay), ok
	}
	return floorDiv(t.Unix(), 86400), true
}
