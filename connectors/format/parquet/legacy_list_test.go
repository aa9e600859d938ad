package parquet

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"
)

// legacyList is a LIST group in the legacy 2-level form: its repeated child is the element
// itself (`optional group l (LIST) { repeated int32 array; }`), as old Hive and Thrift writers
// produced it.
type legacyList struct{ pq.Node }

func (l legacyList) Fields() []pq.Field {
	return []pq.Field{&namedField{Node: pq.Repeated(pq.Int(32)), name: "array"}}
}

// TestReadLegacyList rebuilds lists of the 2-level form from their levels: a list, NULL and an
// empty list.
func TestReadLegacyList(t *testing.T) {
	schema := pq.NewSchema("t", newOrderedGroup([]string{"l"}, []pq.Node{pq.Optional(legacyList{pq.List(pq.Int(32))})}))
	var buf bytes.Buffer
	w := pq.NewWriter(&buf, schema)
	rows := []pq.Row{
		{pq.Int32Value(1).Level(0, 2, 0), pq.Int32Value(2).Level(1, 2, 0)},
		{pq.Value{}.Level(0, 0, 0)},
		{pq.Value{}.Level(0, 1, 0)},
	}
	if _, err := w.WriteRows(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rd, err := Open(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if fs := rd.file.Schema().String(); !strings.Contains(fs, "optional group l (LIST) {\n\t\trepeated int32 array") {
		t.Fatalf("not the 2-level form:\n%s", fs)
	}
	if got := rd.Schema().Fields[0].Type.String(); got != "ARRAY<INT>" {
		t.Errorf("type %s (file schema %s)", got, schema)
	}
	if got := fmt.Sprint(readAll(t, buf.Bytes(), nil).values()); got != "[[[1 2]] [<nil>] [[]]]" {
		t.Errorf("rows %s", got)
	}
}
