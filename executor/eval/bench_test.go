package eval

import (
	"testing"

	"github.com/sluicedata/sluice/planner"
	"github.com/sluicedata/sluice/types"
)

// benchBatch is 1024 orders: amount DOUBLE (some NULL), country STRING, qty BIGINT.
func benchBatch() (*types.Batch, *types.Schema) {
	schema, _ := parseSchema("amount DOUBLE, country STRING, qty BIGINT, price DECIMAL(10,2)")
	countries := []string{"DE", "FR", "de", "US", "GB", "NL", "DE", "IT"}
	rows := make([][]any, 1024)
	for i := range rows {
		var amount any = float64(i%50) + 0.5
		if i%17 == 0 {
			amount = nil
		}
		rows[i] = []any{amount, countries[i%len(countries)], int64(i % 13), int64(i * 7)}
	}
	return buildBatch(schema, rows), schema
}

func benchKernels(b *testing.B, srcs ...string) {
	batch, schema := benchBatch()
	var ks []Kernel
	for _, src := range srcs {
		e, err := parseExpr(src, schema)
		if err != nil {
			b.Fatal(err)
		}
		k, err := Compile(e)
		if err != nil {
			b.Fatal(err)
		}
		ks = append(ks, k)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, k := range ks {
			if _, err := k.Eval(batch); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)*float64(batch.Len)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkFilterProject is the query of SQL.md's example: a predicate and three projections.
func BenchmarkFilterProject(b *testing.B) {
	benchKernels(b, "(and (> amount 10.0) (= country 'DE'))", "(* amount 100.0)", "(upper country)", "qty")
}

func BenchmarkFilter(b *testing.B) {
	benchKernels(b, "(and (> amount 10.0) (= country 'DE'))")
}

func BenchmarkArithI64(b *testing.B)   { benchKernels(b, "(+ (* qty 3) 1)") }
func BenchmarkArithF64(b *testing.B)   { benchKernels(b, "(+ (* amount 1.8) 32.0)") }
func BenchmarkDecimalMul(b *testing.B) { benchKernels(b, "(* price price):DECIMAL(18,4)") }
func BenchmarkUpper(b *testing.B)      { benchKernels(b, "(upper country)") }
func BenchmarkLikePrefix(b *testing.B) { benchKernels(b, "(like country 'D%')") }
func BenchmarkInList(b *testing.B)     { benchKernels(b, "(in country 'DE' 'FR' 'NL')") }
func BenchmarkCaseWhen(b *testing.B) {
	benchKernels(b, "(case (> amount 40.0) 'big' (> amount 10.0) 'medium' 'small')")
}
func BenchmarkExtract(b *testing.B) { benchKernels(b, "(extract 'HOUR' (from_unixtime qty))") }
func BenchmarkHash(b *testing.B)    { benchKernels(b, "(hash country qty)") }

func benchAgg(b *testing.B, fn string, t types.Type, col int) {
	batch, _ := benchBatch()
	acc, err := NewAccumulator(&planner.AggCall{Fn: fn, Args: []planner.Expr{&planner.ColumnRef{Index: col, T: t}}, T: t})
	if err != nil {
		b.Fatal(err)
	}
	groups := make([]int32, batch.Len)
	for i := range groups {
		groups[i] = int32(i % 64)
	}
	acc.Grow(64)
	args := []*types.Vector{batch.Cols[col]}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		acc.Update(groups, args, batch.Time)
	}
	b.ReportMetric(float64(b.N)*float64(batch.Len)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkAggCountStar(b *testing.B) { benchAgg(b, "count_star", types.BigInt, 2) }
func BenchmarkAggCount(b *testing.B)     { benchAgg(b, "count", types.BigInt, 0) }
func BenchmarkAggSumI64(b *testing.B)    { benchAgg(b, "sum", types.BigInt, 2) }
func BenchmarkAggSumF64(b *testing.B)    { benchAgg(b, "sum", types.Double, 0) }
func BenchmarkAggAvg(b *testing.B)       { benchAgg(b, "avg", types.Double, 0) }
func BenchmarkAggMaxStr(b *testing.B)    { benchAgg(b, "max", types.String, 1) }
func BenchmarkAggHLL(b *testing.B)       { benchAgg(b, "approx_count_distinct", types.String, 1) }
