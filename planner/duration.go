package planner

import (
	"math"
	"strconv"
	"strings"
)

// durationUnits maps every accepted unit spelling (singular and plural) to milliseconds.
var durationUnits = map[string]int64{
	"MILLISECOND": 1, "MILLISECONDS": 1,
	"SECOND": 1000, "SECONDS": 1000,
	"MINUTE": 60_000, "MINUTES": 60_000,
	"HOUR": 3_600_000, "HOURS": 3_600_000,
	"DAY": 86_400_000, "DAYS": 86_400_000,
}

var unitNames = []string{"MILLISECONDS", "MILLISECOND", "SECONDS", "SECOND", "MINUTES", "MINUTE",
	"HOURS", "HOUR", "DAYS", "DAY"}

// unitMs returns the milliseconds of one unit, or an error message suggesting the closest unit.
func unitMs(unit string) (int64, string) {
	u := strings.ToUpper(unit)
	if ms, ok := durationUnits[u]; ok {
		return ms, ""
	}
	return 0, "unknown time unit " + unit + didYouMean(u, unitNames) +
		"; expected MILLISECOND(S), SECOND(S), MINUTE(S), HOUR(S) or DAY(S)"
}

// durationMs converts "n UNIT" (n an integer or decimal text, as in INTERVAL '1.5' SECONDS)
// to milliseconds.
func durationMs(n, unit string) (int64, string) {
	ms, msg := unitMs(unit)
	if msg != "" {
		return 0, msg
	}
	if i, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64); err == nil {
		if i > math.MaxInt64/ms || i < math.MinInt64/ms {
			return 0, "duration " + n + " " + unit + " is too large"
		}
		return i * ms, ""
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(n), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, "expected a number of " + strings.ToLower(unit) + ", found '" + n + "'"
	}
	return int64(math.Round(f * float64(ms))), ""
}

// formatMs prints milliseconds in the largest whole unit: "5s", "1m", "1h", "250ms".
func formatMs(ms int64) string {
	for _, u := range []struct {
		ms  int64
		sfx string
	}{{86_400_000, "d"}, {3_600_000, "h"}, {60_000, "m"}, {1000, "s"}} {
		if ms != 0 && ms%u.ms == 0 {
			return strconv.FormatInt(ms/u.ms, 10) + u.sfx
		}
	}
	return strconv.FormatInt(ms, 10) + "ms"
}
