package all

import (
	"fmt"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/file"
	"github.com/sluicedata/sluice/types"
)

// ResolveSchema is the connectors.SchemaResolver of the command: a `file` source of format
// parquet or avro takes its columns from its first file (file.Schema). Other connectors do not
// read a schema at planning time yet (Kafka's schema registry is future work): they answer
// connectors.ErrSchemaDeferred.
func ResolveSchema(connector string, opts map[string]string, baseDir string) (*types.Schema, error) {
	if strings.EqualFold(connector, "file") {
		return file.Schema(opts, baseDir)
	}
	return nil, fmt.Errorf("connector %s: %w", connector, connectors.ErrSchemaDeferred)
}

var _ connectors.SchemaResolver = ResolveSchema
