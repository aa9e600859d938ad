CREATE STREAM j10_a (an INT, id STRING, r STRING, x INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j10_a.jsonl', format = 'json');
CREATE STREAM j10_b (bn INT, id STRING, r STRING, y INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j10_b.jsonl', format = 'json');

CREATE STREAM j10_residual WITH (connector = 'file', path = 'out/j10_residual.jsonl', format = 'json') AS
  SELECT a.an, b.bn, a.x, b.y FROM j10_a a JOIN j10_b b WITHIN 1 MINUTE ON a.id = b.id AND a.x > b.y;

CREATE STREAM j10_two_keys WITH (connector = 'file', path = 'out/j10_two_keys.jsonl', format = 'json') AS
  SELECT a.an, b.bn FROM j10_a a JOIN j10_b b WITHIN 1 MINUTE ON a.id = b.id AND a.r = b.r;

CREATE STREAM j10_left_residual WITH (connector = 'file', path = 'out/j10_left_residual.jsonl', format = 'json') AS
  SELECT a.an, b.bn, b.y FROM j10_a a LEFT JOIN j10_b b WITHIN 1 MINUTE ON a.id = b.id AND a.x > b.y;
