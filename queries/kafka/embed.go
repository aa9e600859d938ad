// Package kafka holds the Kafka example queries (the .sql files beside this one) and embeds
// them, so that `sluice playground` runs the same text a user reads here.
package kafka

import _ "embed"

// Pipeline is pipeline.sql: ingest → dedup/filter/transform → windowed aggregate → delivery.
//
//go:embed pipeline.sql
var Pipeline string

// PipelineFile is the name Pipeline's errors and positions refer to.
const PipelineFile = "queries/kafka/pipeline.sql"
