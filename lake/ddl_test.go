package lake

import (
	"testing"

	"github.com/cockroachdb/datadriven"
	"github.com/sluicedata/sluice/types"
)

var ddlSchemas = map[string]*types.Schema{
	"orders": types.NewSchema(
		types.Field{Name: "event_id", Type: types.String, NotNull: true},
		types.Field{Name: "amount", Type: types.Decimal(12, 2)},
		types.Field{Name: "country", Type: types.String},
		types.Field{Name: "ts", Type: types.Timestamp},
		types.Field{Name: "payload", Type: types.Bytes},
		types.Field{Name: "Tags", Type: types.ArrayOf(types.String)},
		types.Field{Name: "attrs", Type: types.MapOf(types.BigInt)},
		types.Field{Name: "geo", Type: types.StructOf(types.Field{Name: "Lat", Type: types.Double}, types.Field{Name: "day", Type: types.Date})},
	),
}

// TestDDL runs testdata/ddl.test: `athena` and `glue` with the table's options as arguments.
func TestDDL(t *testing.T) {
	datadriven.RunTest(t, "testdata/ddl.test", func(t *testing.T, td *datadriven.TestData) string {
		def := TableDef{Name: "orders", Schema: ddlSchemas["orders"], Format: "parquet"}
		var o DDLOptions
		for _, a := range td.CmdArgs {
			v := ""
			if len(a.Vals) > 0 {
				v = a.Vals[0]
			}
			switch a.Key {
			case "name":
				def.Name = v
			case "format":
				def.Format = v
			case "location":
				def.Location = v
			case "partition_by":
				def.PartitionBy = v
				if len(a.Vals) > 1 {
					for _, x := range a.Vals[1:] {
						def.PartitionBy += "," + x
					}
				}
			case "compression":
				def.Compression = v
			case "database":
				o.Database = v
			case "base":
				o.LocationBase = v
			}
		}
		switch td.Cmd {
		case "athena":
			s, err := AthenaDDL(def, o)
			if err != nil {
				return "error: " + err.Error() + "\n"
			}
			return s
		case "glue":
			g, err := Glue(def, o)
			if err != nil {
				return "error: " + err.Error() + "\n"
			}
			return g.JSON()
		}
		t.Fatalf("unknown command %s", td.Cmd)
		return ""
	})
}
