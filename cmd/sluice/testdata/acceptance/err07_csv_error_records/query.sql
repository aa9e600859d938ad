CREATE STREAM err07_src (id INT, name STRING, qty INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'err07_src.csv', format = 'csv', error_sink = 'file://errors/err07/');

CREATE STREAM err07_ok WITH (connector = 'file', path = 'out/err07_ok.jsonl', format = 'json') AS SELECT id, name, qty * 2 AS qty2, ts FROM err07_src;
