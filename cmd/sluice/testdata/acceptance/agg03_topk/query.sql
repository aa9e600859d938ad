CREATE STREAM agg03_src (g STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg03_src.jsonl', format = 'json');

CREATE TABLE agg03_out WITH (connector = 'file', path = 'out/agg03_out.jsonl', format = 'json') AS
  SELECT g, TOPK(v, 3) AS top3
  FROM agg03_src
  WINDOW TUMBLING (SIZE 1 HOUR)
  GROUP BY g
  EMIT FINAL;
