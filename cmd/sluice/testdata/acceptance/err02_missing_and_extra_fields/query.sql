CREATE STREAM err02_src (id INT NOT NULL, name STRING, qty INT)
  WITH (connector = 'file', path = 'err02_src.jsonl', format = 'json', error_sink = 'file://errors/err02/');

CREATE STREAM err02_ok WITH (connector = 'file', path = 'out/err02_ok.jsonl', format = 'json') AS SELECT id, name, qty FROM err02_src;
