package connectors

import (
	"errors"

	"github.com/sluicedata/sluice/types"
)

// SchemaResolver reads the columns of a source declared without a column list from its data
// (SQL.md: "with a format that carries its own schema the column list may be omitted"): for a
// `file` source of format parquet or avro, the schema of its first file. opts are the source's
// WITH options (validated), baseDir the directory relative paths resolve against. The planner
// imports no connector: the command gives it connectors/all.ResolveSchema.
type SchemaResolver func(connector string, opts map[string]string, baseDir string) (*types.Schema, error)

// ErrSchemaDeferred is what a SchemaResolver returns (wrapped) for a connector that does not
// read its data's schema at planning time (Kafka Avro with a schema_registry, for now): the
// planner then accepts the source without columns, as if the schema were to come with the data.
var ErrSchemaDeferred = errors.New("the connector does not read its data's schema at planning time")
