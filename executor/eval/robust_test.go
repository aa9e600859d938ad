package eval

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// TestNoPanicOnData runs every function over random rows with NULLs, extreme numbers, NaN,
// invalid UTF-8 and odd strings; evalExpr also checks batch and row-at-a-time agreement.
func TestNoPanicOnData(t *testing.T) {
	schema, err := parseSchema("i BIGINT, j BIGINT, n INT, d DOUBLE, e DOUBLE, m DECIMAL(18,4), " +
		"s STRING, p STRING, ts TIMESTAMP, dt DATE, f BOOLEAN, a ARRAY<STRING>, mp MAP<STRING,BIGINT>")
	if err != nil {
		t.Fatal(err)
	}
	b := randomBatch(schema, 300, rand.New(rand.NewPCG(7, 11)))
	exprs := []string{
		"(+ i j)", "(- i j)", "(* i j)", "(/ i j)", "(% i j)", "(neg i)", "(mod i j)",
		"(+ d e)", "(/ d e)", "(% d e)", "(* m m):DECIMAL(18,8)", "(* m m):DECIMAL(18,2)",
		"(/ m m):DECIMAL(18,4)", "(+ m m)", "(% m m)", "(+ ts i):TIMESTAMP",
		"(< i j)", "(= s p)", "(>= d e)", "(<> f true)", "(and f (< i j))", "(or f (is_null s))",
		"(in i 1 2 j)", "(in s 'a' p)", "(like s p)", "(like s '%a_b%')",
		"(case f s p)", "(coalesce s p 'x')", "(nullif i j)",
		"(cast s):BIGINT", "(cast s):INT", "(cast s):DOUBLE", "(cast s):DECIMAL(10,3)", "(cast s):TIMESTAMP",
		"(cast s):DATE", "(cast s):BOOLEAN", "(cast d):INT", "(cast d):DECIMAL(5,2)", "(cast m):INT",
		"(cast i):DECIMAL(18,4)", "(cast i):INT", "(cast ts):STRING", "(cast d):STRING", "(cast a):STRING",
		"(cast mp):STRING", "(cast i):TIMESTAMP", "(cast ts):DATE", "(cast dt):TIMESTAMP",
		"(abs i)", "(abs d)", "(round d i)", "(round m j)", "(round i j)", "(floor m)", "(ceil d)",
		"(upper s)", "(lower s)", "(trim s)", "(length s)", "(substring s i j)", "(substring s n)",
		"(concat s p)", "(replace s p 'x')", "(split s p)", "(index (split s p) i)",
		"(regexp_extract s p i)", "(regexp_matches s p)", "(regexp_extract s '(a)(b)?' 2)",
		"(date_trunc 'week' ts)", "(date_trunc p ts)", "(extract 'DOY' ts)", "(extract p ts)",
		"(from_unixtime i)", "(to_unixtime ts)", "(json_value s '$.a[1]')", "(json_value s p)",
		"(hash i d s ts f a mp)", "(index a i)", "(index mp s)",
	}
	for _, src := range exprs {
		e, err := parseExpr(src, schema)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		evalExpr(t, e, b)
	}
}

func randomBatch(schema *types.Schema, n int, rng *rand.Rand) *types.Batch {
	rows := make([][]any, n)
	for r := range rows {
		rows[r] = make([]any, schema.Len())
		for c, f := range schema.Fields {
			if rng.IntN(6) > 0 {
				rows[r][c] = randomValue(f.Type, rng)
			}
		}
	}
	return buildBatch(schema, rows)
}

var (
	oddInts    = []int64{0, 1, -1, 2, 7, -7, math.MaxInt64, math.MinInt64, math.MaxInt32, 1 << 40}
	oddFloats  = []float64{0, -0.0, 1.5, -2.5, math.NaN(), math.Inf(1), math.Inf(-1), 1e300, 5e-324}
	oddStrings = []string{"", "a", "ab", "a_b", "%", "\\", "(", "[a-", "\xff\xfe", "héllo", "12", " 3.5 ",
		"true", "2026-01-02T03:04:05Z", `{"a":[1,"x"]}`, `{"a":`, "$.a", "$[", "day", "a,b", strings.Repeat("z", 300)}
)

func randomValue(t types.Type, rng *rand.Rand) any {
	switch t.Kind {
	case types.KindBool:
		return rng.IntN(2) == 0
	case types.KindInt:
		return int64(int32(oddInts[rng.IntN(len(oddInts))]))
	case types.KindBigInt, types.KindDecimal:
		return oddInts[rng.IntN(len(oddInts))]
	case types.KindTimestamp, types.KindDate:
		return rng.Int64N(1<<45) - 1<<44
	case types.KindDouble:
		return oddFloats[rng.IntN(len(oddFloats))]
	case types.KindString:
		return oddStrings[rng.IntN(len(oddStrings))]
	case types.KindArray:
		return []any{oddStrings[rng.IntN(len(oddStrings))], nil}
	case types.KindMap:
		return map[string]any{oddStrings[rng.IntN(len(oddStrings))]: int64(1)}
	}
	return nil
}

// TestMalformedInput: a batch whose vectors are shorter than Len is an error, never a panic.
func TestMalformedInput(t *testing.T) {
	schema := types.NewSchema(types.Field{Name: "a", Type: types.BigInt}, types.Field{Name: "s", Type: types.String})
	b := &types.Batch{Schema: schema, Cols: []*types.Vector{bigints(1), types.NewVector(types.String, 0)}, Len: 3}
	for _, src := range []string{"(+ a 1)", "(< a 1)", "(upper s)", "(substring s a)", "(hash a s)",
		"(coalesce s 'x')", "(in a 1 2)", "(and (< a 1) (> a 0))", "(like s 'x%')"} {
		e, err := parseExpr(src, schema)
		if err != nil {
			t.Fatal(err)
		}
		k, err := Compile(e)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := k.Eval(b); err == nil {
			t.Errorf("%s: no error over short vectors", src)
		}
	}
	k, _ := Compile(&planner.ColumnRef{Index: 5, Name: "z", T: types.BigInt})
	if _, err := k.Eval(b); err == nil {
		t.Error("a column past the batch did not fail")
	}
}

func TestCompileErrors(t *testing.T) {
	for _, e := range []planner.Expr{
		nil,
		&planner.Call{Fn: "no_such_fn", T: types.BigInt},
		&planner.Literal{Value: "x", T: types.BigInt},
		&planner.ColumnRef{Index: -1, T: types.BigInt},
		&planner.Call{Fn: "+", Args: []planner.Expr{&planner.Literal{Value: int64(1), T: types.BigInt}}, T: types.BigInt},
		&planner.Call{Fn: "cast", Args: []planner.Expr{&planner.Literal{Value: true, T: types.Bool}}, T: types.ArrayOf(types.Bool)},
		&planner.Call{Fn: "json_value", Args: []planner.Expr{colx(types.String), &planner.Literal{Value: "$..", T: types.String}}, T: types.String},
	} {
		if _, err := Compile(e); err == nil {
			t.Errorf("%v: compiled", e)
		}
	}
}

// TestOutputReuse: a kernel's output vector is reused, so a caller must copy what it keeps;
// results of a second batch must not leak NULLs or values of the first.
func TestOutputReuse(t *testing.T) {
	schema := types.NewSchema(types.Field{Name: "a", Type: types.BigInt})
	k, err := Compile(&planner.Call{Fn: "/", Args: []planner.Expr{
		&planner.ColumnRef{Name: "a", T: types.BigInt}, &planner.Literal{Value: int64(2), T: types.BigInt}}, T: types.BigInt})
	if err != nil {
		t.Fatal(err)
	}
	first := &types.Batch{Schema: schema, Cols: []*types.Vector{bigints(2, 4, 6)}, Len: 3}
	first.Cols[0].Nulls.Set(1)
	v1, _ := k.Eval(first)
	if got := vectorValues(v1, 3); got[1] != nil || got[2] != int64(3) {
		t.Fatalf("first batch: %v", got)
	}
	v2, _ := k.Eval(&types.Batch{Schema: schema, Cols: []*types.Vector{bigints(10, 20)}, Len: 2})
	if got := vectorValues(v2, 2); got[0] != int64(5) || got[1] != int64(10) || v2.Len() != 2 {
		t.Fatalf("second batch: %v (len %d)", got, v2.Len())
	}
}
