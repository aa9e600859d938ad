CREATE STREAM j08_imps (ad STRING, imp INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j08_imps.jsonl', format = 'json', error_sink = 'file://errors/j08/');
CREATE STREAM j08_clicks (ad STRING, click INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j08_clicks.jsonl', format = 'json', error_sink = 'file://errors/j08/');

CREATE STREAM j08_inner WITH (connector = 'file', path = 'out/j08_inner.jsonl', format = 'json') AS
  SELECT i.imp, c.click
  FROM j08_imps i JOIN j08_clicks c WITHIN 30 SECONDS ON i.ad = c.ad;

CREATE STREAM j08_left WITH (connector = 'file', path = 'out/j08_left.jsonl', format = 'json') AS
  SELECT i.imp, c.click
  FROM j08_imps i LEFT JOIN j08_clicks c WITHIN 30 SECONDS ON i.ad = c.ad;
