CREATE STREAM xdk_src (k STRING, seq INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'xdk_src.jsonl', format = 'json');

CREATE STREAM xdk_out WITH (connector = 'file', path = 'out/xdk_out.jsonl', format = 'json') AS SELECT k, seq FROM xdk_src DEDUPLICATE BY k WITHIN 1 MINUTE;
