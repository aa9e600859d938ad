package planner

import (
	"testing"

	"github.com/sluicedata/sluice/types"
)

func TestCommonNumeric(t *testing.T) {
	for _, c := range []struct {
		a, b types.Type
		want string
	}{
		{types.Int, types.Int, "INT"},
		{types.Int, types.BigInt, "BIGINT"},
		{types.BigInt, types.Decimal(10, 2), "DECIMAL(18,2)"},
		{types.Int, types.Decimal(5, 2), "DECIMAL(12,2)"},
		{types.Decimal(5, 2), types.Decimal(6, 4), "DECIMAL(7,4)"},
		{types.Decimal(18, 0), types.Decimal(18, 18), "DECIMAL(18,18)"},
		{types.Decimal(5, 2), types.Double, "DOUBLE"},
	} {
		if got := commonNumeric(c.a, c.b).String(); got != c.want {
			t.Errorf("commonNumeric(%s, %s) = %s, want %s", c.a, c.b, got, c.want)
		}
	}
}

func TestCastLiteralFolding(t *testing.T) {
	for _, c := range []struct {
		lit  *Literal
		to   types.Type
		want string // the folded literal, or "" when a cast Call must remain
	}{
		{&Literal{Value: int64(32), T: types.Int}, types.Double, "32"},
		{&Literal{Value: int64(7), T: types.Int}, types.Decimal(12, 2), "700"},
		{&Literal{Value: int64(1234), T: types.Decimal(6, 2)}, types.Double, "12.34"},
		{&Literal{Value: int64(4e18), T: types.BigInt}, types.Decimal(18, 2), ""},
		{&Literal{Value: int64(12345), T: types.Decimal(7, 3)}, types.Decimal(7, 1), ""},
		{&Literal{Value: int64(2), T: types.Date}, types.Timestamp, "TIMESTAMP '1970-01-03T00:00:00.000Z'"},
		{&Literal{T: types.Null}, types.String, "NULL"},
	} {
		e := castTo(c.lit, c.to)
		l, folded := e.(*Literal)
		switch {
		case c.want == "" && folded:
			t.Errorf("%s to %s folded to %s, want a cast", c.lit, c.to, l)
		case c.want != "" && (!folded || l.String() != c.want || !l.T.Equal(c.to)):
			t.Errorf("%s to %s = %s, want literal %s", c.lit, c.to, e, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"amount", "country", "customer_id", "ts"}
	for in, want := range map[string]string{"amout": "amount", "COUNTRY": "country", "custmer_id": "customer_id",
		"tz": "", "x": "", "zzzzzz": "", "cuntry": "country", "amonut": "amount"} {
		if got := closest(in, names); got != want {
			t.Errorf("closest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDurations(t *testing.T) {
	for _, c := range []struct {
		n, unit string
		ms      int64
		bad     bool
	}{
		{"5", "SECONDS", 5000, false}, {"1", "minute", 60000, false}, {"1.5", "SECOND", 1500, false},
		{"2", "DAYS", 172_800_000, false}, {"250", "MILLISECONDS", 250, false},
		{"1", "MINUTS", 0, true}, {"x", "SECOND", 0, true}, {"9223372036854775807", "DAY", 0, true},
	} {
		ms, msg := durationMs(c.n, c.unit)
		if (msg != "") != c.bad || ms != c.ms {
			t.Errorf("durationMs(%s %s) = %d %q", c.n, c.unit, ms, msg)
		}
	}
	for ms, want := range map[int64]string{0: "0ms", 1500: "1500ms", 2000: "2s", 3_600_000: "1h", 90_000: "90s"} {
		if got := formatMs(ms); got != want {
			t.Errorf("formatMs(%d) = %s, want %s", ms, got, want)
		}
	}
}

// Every function of SQL.md has a row in the table.
func TestFunctionTableComplete(t *testing.T) {
	for _, name := range []string{"coalesce", "nullif", "abs", "mod", "round", "floor", "ceil", "upper", "lower",
		"trim", "length", "substring", "concat", "replace", "split", "regexp_extract", "regexp_matches",
		"date_trunc", "extract", "from_unixtime", "to_unixtime", "json_value", "hash", "count", "sum", "avg",
		"min", "max", "approx_count_distinct", "approx_percentile", "earliest", "latest", "topk"} {
		f, ok := functions[name]
		if !ok || f.Doc == "" || f.Result == nil {
			t.Errorf("function %s is missing or undocumented", name)
		}
	}
	if got := functions["substring"].Signature(); got != "SUBSTRING(a STRING, an integer [, an integer])" {
		t.Errorf("signature %q", got)
	}
}
