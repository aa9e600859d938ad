CREATE STREAM src03_bids (auction BIGINT, bidder BIGINT, price BIGINT, date_time TIMESTAMP)
  WITH (connector = 'datagen', kind = 'nexmark', events = '500', rate = '0', seed = '7');

CREATE STREAM src03_rows WITH (connector = 'file', path = 'out/src03_rows.jsonl', format = 'json') AS SELECT 1 AS one FROM src03_bids;
CREATE STREAM src03_all WITH (connector = 'file', path = 'out/src03_all.jsonl', format = 'json') AS
  SELECT 'row' AS r FROM src03_bids WHERE price >= 0 OR price < 0 OR price IS NULL;
