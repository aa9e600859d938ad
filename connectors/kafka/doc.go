// Package kafka is the `kafka` connector (franz-go): a source, a sink, and the `kafka://topic`
// error sink. Options are those of connectors.KafkaSpec.
//
// # Source
//
//	CREATE STREAM orders (
//	  event_id STRING NOT NULL, amount DOUBLE, ts TIMESTAMP,
//	  _partition INT, _offset BIGINT, _key STRING, _headers MAP<STRING,STRING>,
//	  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
//	) WITH (connector = 'kafka', topic = 'orders', group_id = 'sluice-orders', format = 'json');
//
// Options and behaviour:
//
//   - topic: one topic, a comma-separated list, or a regular expression between slashes
//     (`topic = '/orders\..*/'` reads every topic whose whole name matches; with a group, topics
//     created later are picked up too).
//   - brokers: the option, else $SLUICE_KAFKA_BROKERS, else localhost:9092.
//   - group_id: partitions are shared by every process of the group, and offsets are committed
//     (see commit.go for exactly when). A restart resumes at the group's committed offsets;
//     `start` applies only to partitions the group has no offset for. Without group_id the
//     source reads every partition that exists when it starts, from `start`, and commits nothing.
//   - start: earliest (default), latest, a timestamp (RFC 3339 or epoch ms: the first record at
//     or after it), or offsets `partition:offset,…` (partitions not listed start at earliest).
//   - end = 'latest' stops at the offsets that were the latest when the query started (a
//     bounded replay; records produced later are not read); end = a timestamp stops before the
//     first record at or after it. The source then returns nil: the runtime closes every window
//     and the run ends.
//   - format: json (one object per record) or csv (one line per record, no header, fields in
//     the order of the value columns). A record that cannot be decoded goes to the error sink
//     with position "topic/3@1207" (partition 3, offset 1207) and the record value as raw.
//   - Metadata columns: declare a column with one of these names and it is filled from the
//     record rather than the value: _topic STRING, _partition INT, _offset BIGINT, _timestamp
//     TIMESTAMP (the record's timestamp; `WATERMARK FOR _timestamp …` makes it the event time),
//     _key STRING or BYTES (NULL without key; the `key` option names another column for it),
//     _headers MAP<STRING,STRING> (a repeated header keeps its last value).
//   - Partitions are decoded in parallel, one goroutine each; every batch holds rows of one
//     partition. With event time the watermark is per partition (see marks in watermark.go): the
//     source's watermark is the minimum over the active partitions, and a partition without a
//     record for idle_timeout (default 5s) stops holding it back.
//   - A broker that cannot be reached is retried forever with a log line ("cannot reach Kafka
//     broker …", then "connected to Kafka broker … again"); it never stops the query.
//
// # Sink
//
// One record per row, the value encoded by `format` (json, or csv without header) from every
// column except the key column `_key` and the headers column. The key is `key`'s columns (one
// column: its value as text; several: a JSON object of them), else the column `_key` when there
// is one; keyed records are partitioned by murmur2 of the key like the Java client's default
// partitioner, records without key go to a sticky partition. Headers come from the MAP column
// named by `headers`, else `_headers`. The record timestamp is the row's event time when the
// stream has one. Options: compression (none gzip snappy lz4 zstd), linger (default 5ms),
// idempotent (default true: retries never duplicate nor reorder), partitions (create the topic
// with this many partitions when it does not exist; else the broker auto-creates it). Write
// blocks while the producer's buffer is full; Close (and Flush) wait for every acknowledgement.
//
// # Error sink
//
// `error_sink = 'kafka://orders.errors'` writes each error record as one JSON object (the format
// of connectors/errsink) keyed by the source's name; brokers come from a `brokers` query
// parameter (`kafka://orders.errors?brokers=host:9092`), else $SLUICE_KAFKA_BROKERS, else
// localhost:9092.
package kafka
