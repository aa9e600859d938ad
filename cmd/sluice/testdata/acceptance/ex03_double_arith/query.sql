CREATE STREAM dbls (id INT, x DOUBLE, y DOUBLE, n INT)
  WITH (connector = 'file', path = 'ex03_dbls.jsonl', format = 'json');

CREATE STREAM dbl_arith WITH (connector = 'file', path = 'out/dbl_arith.jsonl', format = 'json') AS
  SELECT id, x + y AS plus, x - y AS minus, x * y AS times, x / y AS quot, -x AS neg,
         x + n AS x_plus_n, n * 1.5 AS n_times, n / 2.0 AS n_half, CAST(n AS DOUBLE) / 4 AS n_quarter,
         n / 4 AS n_int_quarter, x * 2 + y / 2 AS mix
  FROM dbls;
