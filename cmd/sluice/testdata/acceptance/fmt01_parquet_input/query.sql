CREATE STREAM fmt01_auto WITH (connector = 'file', path = 'fmt01_input.parquet', format = 'parquet');
CREATE STREAM fmt01_decl (id BIGINT, n INT, name STRING, temp DOUBLE, ok BOOLEAN, ts TIMESTAMP,
                          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'fmt01_input.parquet', format = 'parquet');

CREATE STREAM fmt01_star WITH (connector = 'file', path = 'out/fmt01_star.jsonl', format = 'json') AS SELECT * FROM fmt01_auto;
CREATE STREAM fmt01_exprs WITH (connector = 'file', path = 'out/fmt01_exprs.jsonl', format = 'json') AS
  SELECT id, CAST(id AS STRING) AS id_str, n + 1 AS n1, name, temp * 2 AS temp2, NOT ok AS not_ok, ts FROM fmt01_auto;
CREATE TABLE fmt01_windows WITH (connector = 'file', path = 'out/fmt01_windows.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS cnt, SUM(n) AS total FROM fmt01_decl WINDOW TUMBLING (SIZE 10 SECONDS) EMIT FINAL;
