CREATE STREAM xgo_src (k STRING, src STRING)
  WITH (connector = 'file', path = 'xgo_*.jsonl', format = 'json');

CREATE STREAM xgo_out WITH (connector = 'file', path = 'out/xgo_out.jsonl', format = 'json') AS SELECT k, src FROM xgo_src DEDUPLICATE BY k;
