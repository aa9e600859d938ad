CREATE TABLE j12_prices (sym STRING, price DOUBLE, ts TIMESTAMP, PRIMARY KEY (sym), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j12_prices.jsonl', format = 'json');
CREATE STREAM j12_trades (trade_id STRING, sym STRING, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j12_trades.jsonl', format = 'json');

CREATE STREAM j12_out WITH (connector = 'file', path = 'out/j12_out.jsonl', format = 'json') AS
  SELECT t.trade_id, p.price, p.ts AS price_ts
  FROM j12_trades t LEFT JOIN j12_prices p ON t.sym = p.sym;
