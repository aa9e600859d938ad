package lake

import (
	"fmt"
	"path"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// TableDef is what the DDL generators need about one lake sink.
type TableDef struct {
	Name        string        // the sink's name: the table's name
	Location    string        // the sink's `path`: s3://bucket/prefix/ or a local folder
	Format      string        // parquet, json, csv
	Compression string        // parquet page compression
	Schema      *types.Schema // the rows' columns
	PartitionBy string        // `partition_by`
}

// DDLOptions tune the generated statements.
type DDLOptions struct {
	Database string // qualifies table names; "" leaves them unqualified (Glue: "default")
	// LocationBase is the s3:// prefix that stands for the working directory when a sink writes
	// to a local folder (a lake synced to S3); empty gives an s3://CHANGE-ME/ placeholder.
	LocationBase string
	// ProjectionStart is the first dt of partition projection (default 2020-01-01).
	ProjectionStart string
}

// table is a TableDef resolved for DDL: data columns, partition columns and location.
type table struct {
	def      TableDef
	columns  []hiveColumn
	parts    []hiveColumn
	location string
	derived  bool // every partition level is dt or hour: partition projection applies
	keys     []PartitionKey
}

type hiveColumn struct{ name, typ string }

func resolve(t TableDef, o DDLOptions) (*table, error) {
	p, err := ParsePartitionBy(t.PartitionBy, t.Schema)
	if err != nil {
		return nil, fmt.Errorf("sink %s: %w", t.Name, err)
	}
	r := &table{def: t, location: location(t.Location, o.LocationBase), derived: len(p.Keys) > 0, keys: p.Keys}
	skip := p.Columns(len(t.Schema.Fields))
	for i, f := range t.Schema.Fields {
		if !skip[i] {
			r.columns = append(r.columns, hiveColumn{strings.ToLower(f.Name), HiveType(f.Type, t.Format)})
		}
	}
	for _, k := range p.Keys {
		r.parts = append(r.parts, hiveColumn{strings.ToLower(k.Name), HiveType(k.Type, t.Format)})
		r.derived = r.derived && k.Derived != FromColumn
	}
	return r, nil
}

// location maps a sink path to an S3 location ending in '/'.
func location(p, base string) string {
	if strings.HasPrefix(p, "s3://") {
		return strings.TrimSuffix(p, "/") + "/"
	}
	p = strings.TrimPrefix(p, "file://")
	if base == "" {
		base = "s3://CHANGE-ME/"
	}
	return strings.TrimSuffix(base, "/") + "/" + strings.Trim(path.Clean("/"+p), "/") + "/"
}

// HiveType is the Athena/Glue (Hive) type of a Sluice type. BYTES in JSON or CSV files is base64
// text, hence string.
func HiveType(t types.Type, format string) string {
	switch t.Kind {
	case types.KindBool:
		return "boolean"
	case types.KindInt:
		return "int"
	case types.KindBigInt:
		return "bigint"
	case types.KindDouble:
		return "double"
	case types.KindDecimal:
		return fmt.Sprintf("decimal(%d,%d)", t.Precision, t.Scale)
	case types.KindBytes:
		if format == "parquet" {
			return "binary"
		}
	case types.KindTimestamp:
		return "timestamp"
	case types.KindDate:
		return "date"
	case types.KindArray:
		return "array<" + HiveType(*t.Elem, format) + ">"
	case types.KindMap:
		return "map<string," + HiveType(*t.Elem, format) + ">"
	case types.KindStruct:
		parts := make([]string, len(t.Fields))
		for i, f := range t.Fields {
			parts[i] = strings.ToLower(f.Name) + ":" + HiveType(f.Type, format)
		}
		return "struct<" + strings.Join(parts, ",") + ">"
	}
	return "string"
}

// projection returns the partition-projection table properties for dt/hour layouts.
func (r *table) projection(o DDLOptions) [][2]string {
	if !r.derived {
		return nil
	}
	start := o.ProjectionStart
	if start == "" {
		start = "2020-01-01"
	}
	props := [][2]string{{"projection.enabled", "true"}}
	tmpl := strings.TrimSuffix(r.location, "/")
	for _, k := range r.keys {
		n := strings.ToLower(k.Name)
		if k.Derived == DerivedDT {
			props = append(props, [2]string{"projection." + n + ".type", "date"}, [2]string{"projection." + n + ".format", "yyyy-MM-dd"},
				[2]string{"projection." + n + ".range", start + ",NOW"}, [2]string{"projection." + n + ".interval", "1"},
				[2]string{"projection." + n + ".interval.unit", "DAYS"})
		} else {
			props = append(props, [2]string{"projection." + n + ".type", "integer"}, [2]string{"projection." + n + ".range", "0,23"},
				[2]string{"projection." + n + ".digits", "2"})
		}
		tmpl += "/" + EscapePartitionValue(k.Name) + "=${" + n + "}"
	}
	return append(props, [2]string{"storage.location.template", tmpl + "/"})
}

// storage describes how a format is stored: Hive input/output formats and SerDe.
type storage struct {
	input, output, serde string
	serdeParams          map[string]string
	classification       string
}

func storageOf(format string) (storage, error) {
	const text = "org.apache.hadoop.mapred.TextInputFormat"
	const textOut = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"
	switch format {
	case "parquet":
		return storage{"org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat", "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
			"org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", map[string]string{"serialization.format": "1"}, "parquet"}, nil
	case "json", "":
		return storage{text, textOut, "org.openx.data.jsonserde.JsonSerDe", map[string]string{"case.insensitive": "TRUE", "ignore.malformed.json": "FALSE"}, "json"}, nil
	case "csv":
		return storage{text, textOut, "org.apache.hadoop.hive.serde2.OpenCSVSerde", map[string]string{"separatorChar": ",", "quoteChar": "\"", "escapeChar": "\\"}, "csv"}, nil
	}
	return storage{}, fmt.Errorf("format %q has no Athena table", format)
}
