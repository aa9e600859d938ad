CREATE STREAM q05_a (aid STRING, ak STRING, ta TIMESTAMP, WATERMARK FOR ta AS ta)
  WITH (connector = 'file', path = 'q05_a.jsonl', format = 'json');
CREATE STREAM q05_b (bk STRING, label STRING, tb TIMESTAMP, WATERMARK FOR tb AS tb)
  WITH (connector = 'file', path = 'q05_b.jsonl', format = 'json');

CREATE STREAM q05_out WITH (connector = 'file', path = 'out/q05_out.jsonl', format = 'json') AS
  SELECT * FROM q05_a JOIN q05_b WITHIN 1 MINUTE ON q05_a.ak = q05_b.bk;
