package state

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/sluicedata/sluice/types"
)

func strCol(vals ...any) *types.Vector {
	v := types.NewVector(types.String, len(vals))
	for _, x := range vals {
		v.AppendValue(x)
	}
	return v
}

func TestKeyTableFindInsertDelete(t *testing.T) {
	kt := NewKeyTable([]types.Type{types.String})
	cols := []*types.Vector{strCol("a", "b", nil, "a", nil)}
	h := HashRows(cols, 5, nil)
	var got []int32
	for i := range 5 {
		g, _ := kt.FindOrInsert(cols, i, h[i], 0)
		got = append(got, g)
	}
	if fmt.Sprint(got) != "[0 1 2 0 2]" || kt.Len() != 3 {
		t.Fatalf("groups %v len %d", got, kt.Len())
	}
	kt.Delete(1)
	if kt.Find(cols, 1, h[1], 0) != -1 || kt.Find(cols, 3, h[3], 0) != 0 || kt.Find(cols, 4, h[4], 0) != 2 {
		t.Fatal("delete broke lookups")
	}
	if g := kt.Insert(cols, 1, h[1], 7); g != 1 || kt.Find(cols, 1, h[1], 0) != -1 || kt.Find(cols, 1, h[1], 7) != 1 {
		t.Fatalf("reuse of freed id: %d", g)
	}
}

// TestKeyTableCollisions forces every key onto one hash: equality must still separate them.
func TestKeyTableCollisions(t *testing.T) {
	kt := NewKeyTable([]types.Type{types.BigInt})
	col := types.NewVector(types.BigInt, 100)
	for i := range 100 {
		col.AppendValue(int64(i))
	}
	cols := []*types.Vector{col}
	for i := range 100 {
		if g := kt.Insert(cols, i, 42, 0); g != int32(i) {
			t.Fatalf("insert %d gave %d", i, g)
		}
	}
	for i := 0; i < 100; i += 2 {
		kt.Delete(int32(i))
	}
	for i := range 100 {
		want := int32(i)
		if i%2 == 0 {
			want = -1
		}
		if g := kt.Find(cols, i, 42, 0); g != want {
			t.Fatalf("find %d: %d, want %d", i, g, want)
		}
	}
}

// TestKeyTableRandom checks the table against a Go map under random inserts and deletes.
func TestKeyTableRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	kt := NewKeyTable([]types.Type{types.BigInt, types.String})
	model := map[string]int32{}
	for step := range 20000 {
		k, s := int64(r.Intn(500)), fmt.Sprint(r.Intn(3))
		cols := []*types.Vector{types.NewVector(types.BigInt, 1), strCol(s)}
		cols[0].AppendValue(k)
		h := HashRows(cols, 1, nil)[0] & 0xff // few distinct hashes: many collisions
		name := fmt.Sprint(k, "/", s)
		g := kt.Find(cols, 0, h, 0)
		if want, ok := model[name]; ok != (g >= 0) || ok && want != g {
			t.Fatalf("step %d key %s: table %d, model %d %v", step, name, g, want, ok)
		}
		if g >= 0 && r.Intn(2) == 0 {
			kt.Delete(g)
			delete(model, name)
		} else if g < 0 {
			model[name] = kt.Insert(cols, 0, h, 0)
		}
	}
	if kt.Len() != len(model) {
		t.Fatalf("len %d, model %d", kt.Len(), len(model))
	}
}

func TestHashRowsNullsAndNegativeZero(t *testing.T) {
	f := types.NewVector(types.Double, 3)
	f.AppendValue(0.0)
	f.AppendValue(math.Copysign(0, -1))
	f.AppendNull()
	h := HashRows([]*types.Vector{f}, 3, nil)
	if h[0] != h[1] || h[0] == h[2] {
		t.Fatalf("hashes %x", h)
	}
}

func TestKeySaveLoad(t *testing.T) {
	kt := NewKeyTable([]types.Type{types.String, types.ArrayOf(types.BigInt)})
	arr := types.NewVector(types.ArrayOf(types.BigInt), 1)
	arr.AppendValue([]any{int64(1), nil})
	cols := []*types.Vector{strCol(nil), arr}
	g := kt.Insert(cols, 0, HashRows(cols, 1, nil)[0], 5)
	var e Encoder
	kt.SaveKey(&e, g)
	fresh := NewKeyTable([]types.Type{types.String, types.ArrayOf(types.BigInt)})
	d := NewDecoder(e.Bytes())
	g2 := fresh.LoadKey(d)
	if err := d.Done(); err != nil || g2 != 0 || fresh.Extra(0) != 5 {
		t.Fatalf("load: %v %d", err, g2)
	}
	if fresh.Find(cols, 0, HashRows(cols, 1, nil)[0], 5) != 0 {
		t.Fatal("loaded key not found")
	}
}

func TestDecoderCorrupt(t *testing.T) {
	var e Encoder
	e.Value(map[string]any{"b": []any{1.5, "x", true}, "a": nil})
	full := e.Bytes()
	for n := range full {
		d := NewDecoder(full[:n])
		d.Value()
		if d.Done() == nil {
			t.Fatalf("truncated at %d decoded without error", n)
		}
	}
	d := NewDecoder(full)
	if v := d.Value(); d.Done() != nil || fmt.Sprint(v) != "map[a:<nil> b:[1.5 x true]]" {
		t.Fatalf("decoded %v", v)
	}
}

func BenchmarkKeyTableFindOrInsert(b *testing.B) {
	col := types.NewVector(types.String, 1024)
	for i := range 1024 {
		col.AppendValue(fmt.Sprintf("key-%d", i*7919%10000))
	}
	cols := []*types.Vector{col}
	kt := NewKeyTable([]types.Type{types.String})
	var h []uint64
	b.ResetTimer()
	for range b.N {
		h = HashRows(cols, 1024, h)
		for i := range 1024 {
			kt.FindOrInsert(cols, i, h[i], 0)
		}
	}
	b.ReportMetric(float64(b.N)*1024/b.Elapsed().Seconds(), "rows/s")
}
