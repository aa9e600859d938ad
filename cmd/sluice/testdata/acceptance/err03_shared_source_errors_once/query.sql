CREATE STREAM err03_src (id INT, name STRING NOT NULL, qty INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'err01_src.jsonl', format = 'json', error_sink = 'file://errors/err03/');

CREATE STREAM err03_names WITH (connector = 'file', path = 'out/err03_names.jsonl', format = 'json') AS SELECT id, name FROM err03_src;
CREATE STREAM err03_qty WITH (connector = 'file', path = 'out/err03_qty.jsonl', format = 'json') AS SELECT id, qty FROM err03_src WHERE qty > 0;
