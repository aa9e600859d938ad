CREATE STREAM err08_src (id INT, s STRING)
  WITH (connector = 'file', path = 'err08_src.jsonl', format = 'json', error_sink = 'file://errors/err08/');

CREATE STREAM err08_ok WITH (connector = 'file', path = 'out/err08_ok.jsonl', format = 'json') AS SELECT id, s FROM err08_src;
