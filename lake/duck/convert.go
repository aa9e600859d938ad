package duck

import (
	"fmt"
	"math"
	"math/big"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/sluicedata/sluice/types"
)

// toValue converts a value scanned from DuckDB into a Sluice Value (types/value.go conventions)
// of type t, so that results print with Sluice's own output encodings. A number that does not
// fit the Sluice type (HUGEINT beyond int64, DECIMAL beyond 18 digits) becomes a DOUBLE.
func toValue(t types.Type, v any) any {
	switch x := v.(type) {
	case nil, bool, string:
		return x
	case int8, int16, int32, int64, int, uint8, uint16, uint32:
		return toInt64(x)
	case uint64:
		if x > math.MaxInt64 {
			return float64(x)
		}
		return int64(x)
	case *big.Int:
		if x.IsInt64() {
			return x.Int64()
		}
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	case float32:
		return float64(x)
	case float64:
		return x
	}
	return toOther(t, v)
}

func toInt64(v any) int64 {
	switch x := v.(type) {
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case int:
		return int64(x)
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	}
	return v.(int64)
}

func toOther(t types.Type, v any) any {
	switch x := v.(type) {
	case duckdb.Decimal:
		return decimalValue(t, x)
	case []byte:
		return string(x)
	case time.Time:
		return timeValue(t, x)
	case []any:
		return listValue(t, x)
	case map[string]any:
		return structValue(t, x)
	case duckdb.OrderedMap:
		return mapValue(t, &x)
	case duckdb.UUID:
		return x.String()
	case *duckdb.UUID:
		return x.String()
	case duckdb.Interval:
		return fmt.Sprintf("%d months %d days %d microseconds", x.Months, x.Days, x.Micros)
	}
	return fmt.Sprint(v)
}

func decimalValue(t types.Type, d duckdb.Decimal) any {
	if t.Kind == types.KindDecimal && d.Value.IsInt64() && int(d.Scale) == t.Scale {
		return d.Value.Int64()
	}
	return d.Float64()
}

func timeValue(t types.Type, x time.Time) any {
	switch t.Kind {
	case types.KindTimestamp:
		return x.UnixMilli()
	case types.KindDate:
		days := x.Unix() / 86400
		if x.Unix()%86400 < 0 {
			days--
		}
		return days
	}
	return x.UTC().Format("15:04:05.999999")
}

func listValue(t types.Type, xs []any) any {
	elem := types.String
	if t.Elem != nil {
		elem = *t.Elem
	}
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = toValue(elem, x)
	}
	return out
}

// structValue orders a struct's members as its type declares them.
func structValue(t types.Type, m map[string]any) any {
	if t.Kind != types.KindStruct {
		return fmt.Sprint(m)
	}
	out := make([]any, len(t.Fields))
	for i, f := range t.Fields {
		out[i] = toValue(f.Type, m[f.Name])
	}
	return out
}

func mapValue(t types.Type, m *duckdb.OrderedMap) any {
	elem := types.String
	if t.Elem != nil {
		elem = *t.Elem
	}
	out := make(map[string]any, m.Len())
	keys, vals := m.Keys(), m.Values()
	for i, k := range keys {
		ks, ok := k.(string)
		if !ok {
			ks = fmt.Sprint(toValue(types.String, k))
		}
		out[ks] = toValue(elem, vals[i])
	}
	return out
}
