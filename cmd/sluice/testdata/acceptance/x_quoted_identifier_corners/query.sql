CREATE STREAM xqi_src ("a.b" INT, "say ""hi""" STRING, a STRUCT<b INT>, `x y` INT, "ÄÖ" INT)
  WITH (connector = 'file', path = 'xqi_src.jsonl', format = 'json');

CREATE STREAM xqi_out WITH (connector = 'file', path = 'out/xqi_out.jsonl', format = 'json') AS
  SELECT "a.b", a.b AS ab, "say ""hi""", xqi_src."a.b" AS qual, `x y` + "ÄÖ" AS s, "ÄÖ"
  FROM xqi_src;
