package lake

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
	"github.com/sluicedata/sluice/types"
)

// TestEscape runs testdata/escape.test: each input line is a Go-quoted value; the output is its
// escaped folder component.
func TestEscape(t *testing.T) {
	datadriven.RunTest(t, "testdata/escape.test", func(t *testing.T, td *datadriven.TestData) string {
		var out strings.Builder
		for _, line := range strings.Split(td.Input, "\n") {
			v, err := strconv.Unquote(line)
			if err != nil {
				t.Fatalf("bad input %s: %v", line, err)
			}
			fmt.Fprintf(&out, "%s -> %s\n", line, EscapePartitionValue(v))
		}
		return out.String()
	})
}

// FuzzEscapeStaysInside checks that no value, once escaped into `col=value`, leaves the root.
func FuzzEscapeStaysInside(f *testing.F) {
	for _, s := range []string{"../x", "a/b", "", ".", "..", "...", `a\b`, "/etc/passwd", "x/../../y", "\x00", strings.Repeat("é/", 200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		e := EscapePartitionValue(v)
		if strings.ContainsAny(e, "/\\\x00") || e == "." || e == ".." || e == "" || len(e) > maxComponent {
			t.Fatalf("unsafe escape of %q: %q", v, e)
		}
		root := "/lake/sink"
		p := filepath.Join(root, "col="+e, "part.parquet")
		if filepath.Dir(filepath.Dir(p)) != root {
			t.Fatalf("%q escaped to %q leaves the root: %s", v, e, p)
		}
	})
}

func TestShortenKeepsDistinctValues(t *testing.T) {
	a := EscapePartitionValue(strings.Repeat("a", 300) + "1")
	b := EscapePartitionValue(strings.Repeat("a", 300) + "2")
	if a == b || len(a) > maxComponent || len(b) > maxComponent {
		t.Fatalf("long values: %q %q", a, b)
	}
	c := EscapePartitionValue(strings.Repeat("/", 150))
	if strings.Contains(c, "/") || len(c) > maxComponent || !strings.HasSuffix(c[:len(c)-17], "%2F") {
		t.Fatalf("long escaped value cut badly: %q", c)
	}
}

func TestFormatDecimal(t *testing.T) {
	cases := []struct {
		v     int64
		scale int
		want  string
	}{{1234, 2, "12.34"}, {-5, 2, "-0.05"}, {7, 0, "7"}, {0, 3, "0.000"}, {-1234, 1, "-123.4"}}
	for _, c := range cases {
		if got := FormatDecimal(c.v, c.scale); got != c.want {
			t.Errorf("FormatDecimal(%d,%d) = %q, want %q", c.v, c.scale, got, c.want)
		}
	}
}

func TestPartitionPaths(t *testing.T) {
	s := types.NewSchema(types.Field{Name: "country", Type: types.String}, types.Field{Name: "n", Type: types.BigInt},
		types.Field{Name: "d", Type: types.Decimal(6, 2)})
	p, err := ParsePartitionBy("country, n, d, dt,hour", s)
	if err != nil {
		t.Fatal(err)
	}
	b := types.NewBatch(s, 4)
	for _, r := range [][]any{{"../x", int64(1), int64(150)}, {"a/b", nil, int64(-5)}, {"", int64(3), nil}, {nil, int64(-4), int64(0)}} {
		for c, v := range r {
			b.Cols[c].AppendValue(v)
		}
	}
	b.Len = 4
	b.Time = []int64{0, 3_600_000*25 + 5, -1, 1_764_064_800_000}
	want := []string{
		"country=..%2Fx/n=1/d=1.50/dt=1970-01-01/hour=00",
		"country=a%2Fb/n=__HIVE_DEFAULT_PARTITION__/d=-0.05/dt=1970-01-02/hour=01",
		"country=__HIVE_DEFAULT_PARTITION__/n=3/d=__HIVE_DEFAULT_PARTITION__/dt=1969-12-31/hour=23",
		"country=__HIVE_DEFAULT_PARTITION__/n=-4/d=0.00/dt=2025-11-25/hour=10",
	}
	for i, w := range want {
		if got := p.Path(b, i); got != w {
			t.Errorf("row %d: got %s, want %s", i, got, w)
		}
	}
	if p.SameAs(b, 2, 3) || !p.SameAs(b, 1, 1) {
		t.Error("SameAs disagrees with Path")
	}
	if p.HourBucket() != 3_600_000 {
		t.Errorf("HourBucket = %d", p.HourBucket())
	}
}

func TestParsePartitionByErrors(t *testing.T) {
	s := types.NewSchema(types.Field{Name: "tags", Type: types.ArrayOf(types.String)}, types.Field{Name: "a", Type: types.Int})
	for spec, want := range map[string]string{
		"tags":  "cannot partition by ARRAY<STRING> column",
		"nope":  `unknown column "nope"`,
		"a,A":   "listed twice",
		"a,,dt": "empty column name",
	} {
		_, err := ParsePartitionBy(spec, s)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", spec, err, want)
		}
	}
}
