CREATE STREAM err09_src (id INT, s STRUCT<a INT> NOT NULL, arr ARRAY<INT> NOT NULL, m MAP<STRING, INT>)
  WITH (connector = 'file', path = 'err09_src.jsonl', format = 'json', error_sink = 'file://errors/err09/');

CREATE STREAM err09_ok WITH (connector = 'file', path = 'out/err09_ok.jsonl', format = 'json') AS SELECT id, s, s.a AS sa, arr, m FROM err09_src;
