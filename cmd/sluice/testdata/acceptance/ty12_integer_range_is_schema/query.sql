CREATE STREAM ty12_src (id INT, n INT, big BIGINT)
  WITH (connector = 'file', path = 'ty12_src.jsonl', format = 'json', error_sink = 'file://errors/ty12/');

CREATE STREAM ty12_ok WITH (connector = 'file', path = 'out/ty12_ok.jsonl', format = 'json') AS SELECT id, n, CAST(big AS STRING) AS big FROM ty12_src;
