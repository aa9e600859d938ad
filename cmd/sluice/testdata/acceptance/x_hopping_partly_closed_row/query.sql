CREATE STREAM xhp_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts)
  WITH (connector = 'file', path = 'xhp_src.jsonl', format = 'json', error_sink = 'file://errors/xhp/');

CREATE TABLE xhp_out WITH (connector = 'file', path = 'out/xhp_out.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM xhp_src
  WINDOW HOPPING (SIZE 20 SECONDS, ADVANCE BY 10 SECONDS)
  EMIT FINAL;
