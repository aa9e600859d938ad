CREATE STREAM xce_src (id INT, n INT, x DOUBLE, b BOOLEAN, ts TIMESTAMP)
  WITH (connector = 'file', path = 'xce_src.csv', format = 'csv', error_sink = 'file://errors/xce/');

CREATE STREAM xce_out WITH (connector = 'file', path = 'out/xce_out.jsonl', format = 'json') AS SELECT id, n, x, b, ts, n IS NULL AS n_null FROM xce_src;
