CREATE STREAM err01_src (id INT, name STRING NOT NULL, qty INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'err01_src.jsonl', format = 'json', error_sink = 'file://errors/err01/');

CREATE STREAM err01_ok WITH (connector = 'file', path = 'out/err01_ok.jsonl', format = 'json') AS SELECT id, name, qty FROM err01_src;
