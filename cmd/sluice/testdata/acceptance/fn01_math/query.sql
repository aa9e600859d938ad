CREATE STREAM nums (id INT, x DOUBLE, n INT)
  WITH (connector = 'file', path = 'fn01_nums.jsonl', format = 'json');

CREATE STREAM math_out WITH (connector = 'file', path = 'out/math_out.jsonl', format = 'json') AS
  SELECT id, ABS(x) AS abs_x, ABS(n) AS abs_n, ROUND(x) AS round_x, ROUND(n) AS round_n,
         FLOOR(x) AS floor_x, CEIL(x) AS ceil_x, MOD(n, 3) AS mod3, MOD(n, -3) AS mod_neg3,
         MOD(-17, n + 20) AS mod_lit
  FROM nums;
