CREATE STREAM xdn_src (k1 STRING, k2 STRING, seq INT)
  WITH (connector = 'file', path = 'xdn_src.jsonl', format = 'json');

CREATE STREAM xdn_one WITH (connector = 'file', path = 'out/xdn_one.jsonl', format = 'json') AS SELECT k1, seq FROM xdn_src DEDUPLICATE BY k1;
CREATE STREAM xdn_two WITH (connector = 'file', path = 'out/xdn_two.jsonl', format = 'json') AS SELECT k1, k2, seq FROM xdn_src DEDUPLICATE BY k1, k2;
