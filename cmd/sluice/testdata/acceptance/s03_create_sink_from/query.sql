CREATE STREAM s03_src (name STRING, vip BOOLEAN, spend DOUBLE)
  WITH (connector = 'file', path = 's03_src.jsonl', format = 'json');

CREATE STREAM s03_vip AS
  SELECT name, spend * 2 AS doubled FROM s03_src WHERE vip;

CREATE SINK s03_out FROM s03_vip WITH (connector = 'file', path = 'out/s03_out.jsonl', format = 'json');
