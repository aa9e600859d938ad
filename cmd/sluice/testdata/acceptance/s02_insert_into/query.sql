CREATE STREAM s02_web (id STRING, amount DOUBLE)
  WITH (connector = 'file', path = 's02_web.jsonl', format = 'json');
CREATE STREAM s02_app (id STRING, cents INT)
  WITH (connector = 'file', path = 's02_app.jsonl', format = 'json');

CREATE STREAM s02_all (id STRING, channel STRING, amount DOUBLE)
  WITH (connector = 'file', path = 'out/s02_all.jsonl', format = 'json');

INSERT INTO s02_all SELECT id, 'web' AS channel, amount FROM s02_web;
INSERT INTO s02_all SELECT id, 'app' AS channel, CAST(cents AS DOUBLE) / 100 AS amount FROM s02_app WHERE cents > 0;
