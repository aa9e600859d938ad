// Package format turns records into columnar batches and batches into bytes, driven by the
// schema: decoders write straight into a types.Batch's column vectors (no reflection, no
// per-value allocation), encoders append rows to a byte slice.
//
// Decoders classify every rejected record with a reason of connectors.Reason*: malformed input
// is "decode", a value of the wrong type is "schema", a NULL or missing value for a NOT NULL
// column (or for the event-time column of a stream with a watermark) is "not_null". A rejected
// record appends nothing to the batch.
//
// String lifetime rule: decoded STRING and BYTES values are copied into an arena of 64 KiB
// chunks owned by the batches built from it. Arena bytes are never overwritten once a row is
// committed, so the strings stay valid as long as they are referenced; a string keeps its whole
// chunk alive, so an operator that keeps a few strings for a long time (state keys) should
// strings.Clone them.
package format
