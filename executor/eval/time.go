package eval

import (
	"fmt"
	"strings"
	"time"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Time functions work in UTC on epoch milliseconds.
//
// DATE_TRUNC(unit, ts) → TIMESTAMP for MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK (to Monday,
// as in PostgreSQL and ISO 8601), MONTH, QUARTER, YEAR.
//
// EXTRACT(unit FROM ts) → BIGINT for YEAR, QUARTER, MONTH, WEEK (ISO week number), DAY, HOUR,
// MINUTE, SECOND (0–59, whole seconds), MILLISECOND (0–999 within the second), DOW (0 = Sunday …
// 6), ISODOW (1 = Monday … 7), DOY (1–366), EPOCH (whole seconds since 1970, floored).
//
// An unknown unit is a compile error when constant and NULL when it comes from the data.

func buildDateTrunc(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("date_trunc takes a unit and a timestamp")
	}
	ts, err := asTimestamp(args[1], c.Args[1].Type())
	if err != nil {
		return nil, err
	}
	return unitKernel(args[0], ts, c.T, truncFunc)
}

func buildExtract(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("extract takes a unit and a timestamp")
	}
	ts, err := asTimestamp(args[1], c.Args[1].Type())
	if err != nil {
		return nil, err
	}
	return unitKernel(args[0], ts, c.T, extractFunc)
}

// asTimestamp widens a DATE argument to TIMESTAMP.
func asTimestamp(k Kernel, t types.Type) (Kernel, error) {
	if t.Kind == types.KindTimestamp {
		return k, nil
	}
	return newCast(k, t, types.Timestamp)
}

// unitKernel applies the function of a unit (from lookup) to each timestamp.
func unitKernel(unit, ts Kernel, t types.Type, lookup func(string) func(int64) int64) (Kernel, error) {
	if u, ok := constValue(unit); ok {
		if u == nil {
			return newConst(t, nil), nil
		}
		f := lookup(strings.ToUpper(u.(string)))
		if f == nil {
			return nil, fmt.Errorf("unknown unit %q", u)
		}
		return unaryI64(ts, t, refI64, func(v int64) (int64, bool) { return f(v), true }), nil
	}
	return &binop[string, int64, int64]{a: unit, b: ts, ina: getStr, inb: getI64, ref: refI64, out: newOut(t),
		f: func(u string, v int64) (int64, bool) {
			f := lookup(strings.ToUpper(u))
			if f == nil {
				return 0, false
			}
			return f(v), true
		}}, nil
}

var fixedUnits = map[string]int64{
	"MILLISECOND": 1, "SECOND": 1000, "MINUTE": 60_000, "HOUR": 3_600_000, "DAY": msPerDay,
}

// truncFunc returns the truncation to unit, or nil.
func truncFunc(unit string) func(int64) int64 {
	if size, ok := fixedUnits[unit]; ok {
		return func(ms int64) int64 { return floorDiv(ms, size) * size }
	}
	switch unit {
	case "WEEK":
		return func(ms int64) int64 {
			d := floorDiv(ms, msPerDay)
			return (d - mod(d+3, 7)) * msPerDay
		}
	case "MONTH", "QUARTER", "YEAR":
		return func(ms int64) int64 {
			t := time.UnixMilli(ms).UTC()
			y, m := t.Year(), t.Month()
			switch unit {
			case "QUARTER":
				m = (m-1)/3*3 + 1
			case "YEAR":
				m = 1
			}
			return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
		}
	}
	return nil
}

func mod(a, b int64) int64 { return a - floorDiv(a, b)*b }

// extractFunc returns the field extraction for unit, or nil.
func extractFunc(unit string) func(int64) int64 {
	if f, ok := clockFields[unit]; ok {
		return f
	}
	if f, ok := dateFields[unit]; ok {
		return func(ms int64) int64 { return f(time.UnixMilli(ms).UTC()) }
	}
	return nil
}

// clockFields need only arithmetic on the milliseconds.
var clockFields = map[string]func(int64) int64{
	"HOUR":        func(ms int64) int64 { return mod(ms, msPerDay) / 3_600_000 },
	"MINUTE":      func(ms int64) int64 { return mod(ms, 3_600_000) / 60_000 },
	"SECOND":      func(ms int64) int64 { return mod(ms, 60_000) / 1000 },
	"MILLISECOND": func(ms int64) int64 { return mod(ms, 1000) },
	"EPOCH":       func(ms int64) int64 { return floorDiv(ms, 1000) },
	"DOW":         func(ms int64) int64 { return mod(floorDiv(ms, msPerDay)+4, 7) },
	"ISODOW":      func(ms int64) int64 { return mod(floorDiv(ms, msPerDay)+3, 7) + 1 },
}

// dateFields need the calendar date.
var dateFields = map[string]func(time.Time) int64{
	"YEAR":    func(t time.Time) int64 { return int64(t.Year()) },
	"QUARTER": func(t time.Time) int64 { return int64(t.Month()-1)/3 + 1 },
	"MONTH":   func(t time.Time) int64 { return int64(t.Month()) },
	"DAY":     func(t time.Time) int64 { return int64(t.Day()) },
	"DOY":     func(t time.Time) int64 { return int64(t.YearDay()) },
	"WEEK":    func(t time.Time) int64 { _, w := t.ISOWeek(); return int64(w) },
}

// buildUnixtime is FROM_UNIXTIME(ms) → TIMESTAMP and TO_UNIXTIME(ts) → BIGINT: both keep the
// epoch milliseconds as they are.
func buildUnixtime(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("%s takes one argument", c.Fn)
	}
	from := c.Args[0].Type()
	if from.Kind == types.KindDate {
		k, err := newCast(args[0], from, types.Timestamp)
		if err != nil {
			return nil, err
		}
		return newRetype(k, c.T), nil
	}
	if types.Storage(from.Kind) != types.StoreI64 {
		return newCast(args[0], from, c.T)
	}
	return newRetype(args[0], c.T), nil
}
