package types

import "time"

// A Value is one SQL value outside a Vector (literals, nested elements, state, tests), held in
// an `any` by these conventions:
//
//	NULL                                   nil
//	BOOLEAN                                bool
//	INT, BIGINT                            int64
//	DECIMAL(p,s)                           int64, unscaled (12.34 in DECIMAL(5,2) is 1234)
//	TIMESTAMP                              int64, epoch milliseconds UTC
//	DATE                                   int64, days since 1970-01-01
//	DOUBLE                                 float64
//	STRING, BYTES                          string
//	ARRAY<T>, STRUCT<...>                  []any (struct members in field order)
//	MAP<STRING,T>                          map[string]any

// MinTime and MaxTime bound event time; MaxTime is the watermark of an ended bounded source.
const (
	MinTime int64 = -1 << 62
	MaxTime int64 = 1<<62 - 1
)

// FormatTimestamp prints epoch ms as RFC 3339 UTC with milliseconds.
func FormatTimestamp(ms int64) string {
	return time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05.000Z")
}

// FormatDate prints epoch days as YYYY-MM-DD.
func FormatDate(days int64) string {
	return time.Unix(days*86400, 0).UTC().Format("2006-01-02")
}
