package lake

import (
	"bytes"
	"encoding/json"
	"fmt"

	"strings"
)

// AthenaDDL prints the CREATE EXTERNAL TABLE statement of a lake sink: its data columns, its
// partition columns, its storage (Parquet, or the OpenX JSON / OpenCSV SerDe) and, for layouts
// partitioned only by dt and hour, partition projection so that no partition needs loading.
// Other layouts end with the MSCK REPAIR TABLE statement that loads their partitions.
func AthenaDDL(t TableDef, o DDLOptions) (string, error) {
	r, err := resolve(t, o)
	if err != nil {
		return "", err
	}
	st, err := storageOf(t.Format)
	if err != nil {
		return "", fmt.Errorf("sink %s: %w", t.Name, err)
	}
	var b strings.Builder
	name := qualified(o.Database, t.Name)
	fmt.Fprintf(&b, "CREATE EXTERNAL TABLE IF NOT EXISTS %s (\n%s\n)\n", name, columnList(r.columns))
	if len(r.parts) > 0 {
		fmt.Fprintf(&b, "PARTITIONED BY (\n%s\n)\n", columnList(r.parts))
	}
	writeStorage(&b, st)
	fmt.Fprintf(&b, "LOCATION '%s'\n", sqlString(r.location))
	props := r.tableProperties(st, o)
	if len(props) > 0 {
		lines := make([]string, len(props))
		for i, p := range props {
			lines[i] = fmt.Sprintf("  '%s' = '%s'", sqlString(p[0]), sqlString(p[1]))
		}
		fmt.Fprintf(&b, "TBLPROPERTIES (\n%s\n)", strings.Join(lines, ",\n"))
	}
	b.WriteString(";\n")
	if len(r.parts) > 0 && !r.derived {
		fmt.Fprintf(&b, "MSCK REPAIR TABLE %s;\n", name)
	}
	return b.String(), nil
}

func writeStorage(b *strings.Builder, st storage) {
	if st.classification == "parquet" {
		b.WriteString("STORED AS PARQUET\n")
		return
	}
	fmt.Fprintf(b, "ROW FORMAT SERDE '%s'\n", st.serde)
	keys := sortedKeys(st.serdeParams)
	params := make([]string, len(keys))
	for i, k := range keys {
		params[i] = fmt.Sprintf("'%s' = '%s'", sqlString(k), sqlString(st.serdeParams[k]))
	}
	fmt.Fprintf(b, "WITH SERDEPROPERTIES (%s)\n", strings.Join(params, ", "))
	fmt.Fprintf(b, "STORED AS INPUTFORMAT '%s'\nOUTPUTFORMAT '%s'\n", st.input, st.output)
}

// tableProperties are the TBLPROPERTIES: classification, compression, CSV header, projection.
func (r *table) tableProperties(st storage, o DDLOptions) [][2]string {
	props := [][2]string{{"classification", st.classification}}
	switch st.classification {
	case "parquet":
		c := strings.ToUpper(r.def.Compression)
		if c == "" {
			c = "ZSTD"
		}
		if c == "NONE" {
			c = "UNCOMPRESSED"
		}
		props = append(props, [2]string{"parquet.compression", c})
	case "csv":
		props = append(props, [2]string{"skip.header.line.count", "1"})
	}
	return append(props, r.projection(o)...)
}

func columnList(cols []hiveColumn) string {
	lines := make([]string, len(cols))
	for i, c := range cols {
		lines[i] = "  `" + strings.ReplaceAll(c.name, "`", "``") + "` " + c.typ
	}
	return strings.Join(lines, ",\n")
}

func qualified(db, name string) string {
	n := "`" + strings.ToLower(name) + "`"
	if db == "" {
		return n
	}
	return "`" + db + "`." + n
}

// sqlString escapes a Hive DDL string literal's content (backslash escapes apply there).
func sqlString(s string) string {
	return strings.NewReplacer(`\`, `\\`, "'", "''").Replace(s)
}

// GlueTable is the input of Glue's CreateTable (`aws glue create-table --cli-input-json`).
type GlueTable struct {
	DatabaseName string         `json:"DatabaseName"`
	TableInput   GlueTableInput `json:"TableInput"`
}

// GlueTableInput is Glue's TableInput.
type GlueTableInput struct {
	Name              string            `json:"Name"`
	TableType         string            `json:"TableType"`
	Parameters        map[string]string `json:"Parameters"`
	PartitionKeys     []GlueColumn      `json:"PartitionKeys"`
	StorageDescriptor GlueStorage       `json:"StorageDescriptor"`
}

// GlueColumn is one Glue column.
type GlueColumn struct {
	Name string `json:"Name"`
	Type string `json:"Type"`
}

// GlueStorage is Glue's StorageDescriptor.
type GlueStorage struct {
	Columns      []GlueColumn `json:"Columns"`
	Location     string       `json:"Location"`
	InputFormat  string       `json:"InputFormat"`
	OutputFormat string       `json:"OutputFormat"`
	SerdeInfo    struct {
		SerializationLibrary string            `json:"SerializationLibrary"`
		Parameters           map[string]string `json:"Parameters"`
	} `json:"SerdeInfo"`
}

// Glue returns the CreateTable input of a lake sink, with the same columns, partitions and
// properties as AthenaDDL.
func Glue(t TableDef, o DDLOptions) (*GlueTable, error) {
	r, err := resolve(t, o)
	if err != nil {
		return nil, err
	}
	st, err := storageOf(t.Format)
	if err != nil {
		return nil, fmt.Errorf("sink %s: %w", t.Name, err)
	}
	db := o.Database
	if db == "" {
		db = "default"
	}
	g := &GlueTable{DatabaseName: db, TableInput: GlueTableInput{Name: strings.ToLower(t.Name), TableType: "EXTERNAL_TABLE",
		Parameters: map[string]string{"EXTERNAL": "TRUE"}, PartitionKeys: glueColumns(r.parts)}}
	for _, p := range r.tableProperties(st, o) {
		g.TableInput.Parameters[p[0]] = p[1]
	}
	sd := &g.TableInput.StorageDescriptor
	sd.Columns, sd.Location, sd.InputFormat, sd.OutputFormat = glueColumns(r.columns), r.location, st.input, st.output
	sd.SerdeInfo.SerializationLibrary, sd.SerdeInfo.Parameters = st.serde, st.serdeParams
	return g, nil
}

func glueColumns(cols []hiveColumn) []GlueColumn {
	out := make([]GlueColumn, len(cols))
	for i, c := range cols {
		out[i] = GlueColumn{c.name, c.typ}
	}
	return out
}

// JSON prints the CreateTable input, indented.
func (g *GlueTable) JSON() string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(g)
	return b.String()
}
