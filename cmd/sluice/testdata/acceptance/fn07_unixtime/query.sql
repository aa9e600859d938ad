CREATE STREAM instants2 (id INT, ts TIMESTAMP, epoch_ms BIGINT)
  WITH (connector = 'file', path = 'fn07_instants.jsonl', format = 'json');

CREATE STREAM unix_out WITH (connector = 'file', path = 'out/unix_out.jsonl', format = 'json') AS
  SELECT id, TO_UNIXTIME(ts) AS ts_ms, FROM_UNIXTIME(epoch_ms) AS from_ms,
         FROM_UNIXTIME(TO_UNIXTIME(ts) + 1000) AS plus_1s, TO_UNIXTIME(FROM_UNIXTIME(epoch_ms)) AS round_trip
  FROM instants2;
