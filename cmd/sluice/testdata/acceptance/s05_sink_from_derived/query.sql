CREATE STREAM s05_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 's05_src.jsonl', format = 'json');

CREATE STREAM s05_pos AS SELECT k, v, ts FROM s05_src WHERE v > 0;
CREATE STREAM s05_tagged AS SELECT CONCAT(k, '-', CAST(v AS STRING)) AS tag, v * v AS sq FROM s05_pos;
CREATE TABLE s05_per_k AS
  SELECT k, window_start AS ws, COUNT(*) AS n, SUM(v) AS total FROM s05_pos WINDOW TUMBLING (SIZE 30 SECONDS) GROUP BY k EMIT FINAL;

CREATE SINK s05_tags FROM s05_tagged WITH (connector = 'file', path = 'out/s05_tags.jsonl', format = 'json');
CREATE SINK s05_windows FROM s05_per_k WITH (connector = 'file', path = 'out/s05_windows.jsonl', format = 'json');
CREATE STREAM s05_big WITH (connector = 'file', path = 'out/s05_big.jsonl', format = 'json') AS SELECT k, ws, total FROM s05_per_k WHERE total >= 10;
