CREATE STREAM q07_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts)
  WITH (connector = 'file', path = 'q07_src.jsonl', format = 'json');

CREATE STREAM q07_out WITH (connector = 'file', path = 'out/q07_out.jsonl', format = 'json') AS
  SELECT u.k, u.ws, u.doubled
  FROM (SELECT t.k, t.ws, t.total * 2 AS doubled
        FROM (SELECT k, window_start AS ws, SUM(v) AS total
              FROM q07_src
              WINDOW TUMBLING (SIZE 10 SECONDS)
              GROUP BY k
              EMIT FINAL) AS t
        WHERE t.total > 50) AS u
  WHERE u.k <> 'c';
