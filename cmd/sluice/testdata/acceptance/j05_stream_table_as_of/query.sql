CREATE TABLE j05_prices (
  sym STRING,
  price DOUBLE,
  ts TIMESTAMP,
  PRIMARY KEY (sym),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH (connector = 'file', path = 'j05_prices.jsonl', format = 'json');

CREATE STREAM j05_trades (trade_id STRING, sym STRING, qty INT, ts TIMESTAMP,
                          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j05_trades.jsonl', format = 'json');

CREATE STREAM j05_valued WITH (connector = 'file', path = 'out/j05_valued.jsonl', format = 'json') AS
  SELECT t.trade_id, t.sym, p.price, t.qty * p.price AS notional
  FROM j05_trades t JOIN j05_prices p ON t.sym = p.sym;
