CREATE STREAM divs (id INT, a INT, b INT, x DOUBLE, y DOUBLE)
  WITH (connector = 'file', path = 'ex02_divs.jsonl', format = 'json');

CREATE STREAM div_zero WITH (connector = 'file', path = 'out/div_zero.jsonl', format = 'json') AS
  SELECT id, a / b AS int_div, a % b AS int_rem, MOD(a, b) AS int_mod, x / y AS dbl_div,
         a / y AS int_by_dbl, x / b AS dbl_by_int, a / 0 AS by_lit_zero, x / 0.0 AS dbl_by_lit
  FROM divs;
