CREATE STREAM ints (id INT, a INT, b INT, c BIGINT)
  WITH (connector = 'file', path = 'ex01_ints.jsonl', format = 'json');

CREATE STREAM int_arith WITH (connector = 'file', path = 'out/int_arith.jsonl', format = 'json') AS
  SELECT id, a + b AS plus, a - b AS minus, a * b AS times, a / b AS quot, a % b AS rem,
         -a AS neg, c / b AS big_quot, c % b AS big_rem, c + a * b AS big_mix,
         a + b * 2 - 1 AS prec1, (a + b) * 2 AS prec2, a - b - 1 AS left_sub,
         100 / b / 2 AS left_div, a * b % 5 AS mul_rem
  FROM ints;
