CREATE STREAM xcd_src (id INT, x DOUBLE)
  WITH (connector = 'file', path = 'xcd_src.jsonl', format = 'json');

CREATE STREAM xcd_out WITH (connector = 'file', path = 'out/xcd_out.jsonl', format = 'json') AS SELECT id, CAST(x AS INT) AS i, CAST(x AS BIGINT) AS b FROM xcd_src;
