CREATE STREAM src02_src (f STRING, n INT)
  WITH (connector = 'file', path = 'src02_[ab]_?.jsonl', format = 'json');

CREATE STREAM src02_out WITH (connector = 'file', path = 'out/src02_out.jsonl', format = 'json') AS SELECT f, n FROM src02_src;
