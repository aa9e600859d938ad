package lake

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// Derived names a partition value computed from the row's event time (Batch.Time).
type Derived uint8

const (
	FromColumn  Derived = iota // the value of a column
	DerivedDT                  // dt: the event time's UTC date, YYYY-MM-DD
	DerivedHour                // hour: the event time's UTC hour, HH
)

// PartitionKey is one level of the Hive layout.
type PartitionKey struct {
	Name    string     // the folder's `name=`: the column's name, or dt / hour
	Col     int        // the column index in the sink's schema, -1 when derived
	Derived Derived    // how the value is computed
	Type    types.Type // the column's type; STRING for dt and hour
}

// Partitioning is the ordered list of partition keys of a sink (`partition_by`).
type Partitioning struct {
	Keys []PartitionKey
}

// ParsePartitionBy parses a `partition_by` option ("country,dt,hour") against the sink's schema.
// `dt` and `hour` are derived from event time unless the schema has columns of those names.
// Columns of nested types cannot partition.
func ParsePartitionBy(spec string, schema *types.Schema) (*Partitioning, error) {
	p := &Partitioning{}
	if strings.TrimSpace(spec) == "" {
		return p, nil
	}
	seen := map[string]bool{}
	for _, raw := range strings.Split(spec, ",") {
		k, err := partitionKey(strings.TrimSpace(raw), schema)
		if err != nil {
			return nil, err
		}
		if seen[strings.ToLower(k.Name)] {
			return nil, fmt.Errorf("partition_by: %q is listed twice", k.Name)
		}
		seen[strings.ToLower(k.Name)] = true
		p.Keys = append(p.Keys, k)
	}
	return p, nil
}

func partitionKey(name string, schema *types.Schema) (PartitionKey, error) {
	if name == "" {
		return PartitionKey{}, fmt.Errorf("partition_by: empty column name")
	}
	if i := schema.Index(name); i >= 0 {
		f := schema.Fields[i]
		if types.Storage(f.Type.Kind) == types.StoreAny {
			return PartitionKey{}, fmt.Errorf("partition_by: cannot partition by %s column %q", f.Type, f.Name)
		}
		return PartitionKey{Name: f.Name, Col: i, Type: f.Type}, nil
	}
	switch strings.ToLower(name) {
	case "dt":
		return PartitionKey{Name: "dt", Col: -1, Derived: DerivedDT, Type: types.String}, nil
	case "hour":
		return PartitionKey{Name: "hour", Col: -1, Derived: DerivedHour, Type: types.String}, nil
	}
	return PartitionKey{}, fmt.Errorf("partition_by: unknown column %q (columns: %s; dt and hour are derived from event time)",
		name, strings.Join(schema.Names(), ", "))
}

// Columns reports which schema columns are partition keys (they live in folder names, not in
// the data files).
func (p *Partitioning) Columns(n int) []bool {
	out := make([]bool, n)
	for _, k := range p.Keys {
		if k.Col >= 0 {
			out[k.Col] = true
		}
	}
	return out
}

// HourBucket reports the width in ms of the time partitions: an hour when `hour` is derived, a
// day when only `dt` is, 0 when the layout has no derived time level.
func (p *Partitioning) HourBucket() int64 {
	var w int64
	for _, k := range p.Keys {
		switch {
		case k.Derived == DerivedHour:
			return 3_600_000
		case k.Derived == DerivedDT:
			w = 86_400_000
		}
	}
	return w
}

// Path returns the partition folder of row i of b: `name=value/...` (no trailing slash), or ""
// without partition keys.
func (p *Partitioning) Path(b *types.Batch, i int) string {
	var sb strings.Builder
	for j, k := range p.Keys {
		if j > 0 {
			sb.WriteByte('/')
		}
		sb.WriteString(EscapePartitionValue(k.Name))
		sb.WriteByte('=')
		sb.WriteString(EscapePartitionValue(k.value(b, i)))
	}
	return sb.String()
}

// SameAs reports whether rows i and j of b fall into the same partition, without building paths.
func (p *Partitioning) SameAs(b *types.Batch, i, j int) bool {
	for _, k := range p.Keys {
		if !k.same(b, i, j) {
			return false
		}
	}
	return true
}

func (k *PartitionKey) same(b *types.Batch, i, j int) bool {
	switch k.Derived {
	case DerivedDT:
		return floorDiv(b.Time[i], 86_400_000) == floorDiv(b.Time[j], 86_400_000)
	case DerivedHour:
		return floorDiv(b.Time[i], 3_600_000) == floorDiv(b.Time[j], 3_600_000)
	}
	v := b.Cols[k.Col]
	if ni, nj := v.IsNull(i), v.IsNull(j); ni || nj {
		return ni == nj
	}
	switch types.Storage(k.Type.Kind) {
	case types.StoreI64:
		return v.I64[i] == v.I64[j]
	case types.StoreF64:
		return v.F64[i] == v.F64[j] || math.IsNaN(v.F64[i]) && math.IsNaN(v.F64[j])
	case types.StoreBool:
		return v.Bool[i] == v.Bool[j]
	}
	return v.Str[i] == v.Str[j]
}

// value renders the partition value of row i ("" for NULL: the default partition).
func (k *PartitionKey) value(b *types.Batch, i int) string {
	switch k.Derived {
	case DerivedDT:
		return types.FormatDate(floorDiv(b.Time[i], 86_400_000))
	case DerivedHour:
		return fmt.Sprintf("%02d", (b.Time[i]%86_400_000+86_400_000)%86_400_000/3_600_000)
	}
	v := b.Cols[k.Col]
	if v.IsNull(i) {
		return ""
	}
	return RenderValue(k.Type, v, i)
}

// RenderValue prints a scalar partition value the way DuckDB and Athena parse it back:
// integers and decimals as numbers, DATE as YYYY-MM-DD, TIMESTAMP as `YYYY-MM-DD HH:MM:SS.mmm`
// (UTC), BOOLEAN as true/false, DOUBLE as the shortest round-trip decimal.
func RenderValue(t types.Type, v *types.Vector, i int) string {
	switch t.Kind {
	case types.KindDecimal:
		return FormatDecimal(v.I64[i], t.Scale)
	case types.KindDate:
		return types.FormatDate(v.I64[i])
	case types.KindTimestamp:
		s := types.FormatTimestamp(v.I64[i])
		return s[:10] + " " + s[11:len(s)-1]
	case types.KindDouble:
		return strconv.FormatFloat(v.F64[i], 'g', -1, 64)
	case types.KindBool:
		return strconv.FormatBool(v.Bool[i])
	}
	if types.Storage(t.Kind) == types.StoreI64 {
		return strconv.FormatInt(v.I64[i], 10)
	}
	return v.Str[i]
}

// FormatDecimal prints an unscaled decimal with scale digits after the point.
func FormatDecimal(unscaled int64, scale int) string {
	if scale <= 0 {
		return strconv.FormatInt(unscaled, 10)
	}
	neg := unscaled < 0
	u := uint64(unscaled)
	if neg {
		u = -u
	}
	s := strconv.FormatUint(u, 10)
	if len(s) <= scale {
		s = strings.Repeat("0", scale-len(s)+1) + s
	}
	s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	if neg {
		s = "-" + s
	}
	return s
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
