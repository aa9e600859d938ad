CREATE STREAM csv01_people (id INT, name STRING, amount DOUBLE, active BOOLEAN, ts TIMESTAMP)
  WITH (connector = 'file', path = 'csv01_people.csv', format = 'csv');

CREATE STREAM csv01_out WITH (connector = 'file', path = 'out/csv01_out.jsonl', format = 'json') AS
  SELECT id, name, amount * 2 AS doubled, active, ts FROM csv01_people WHERE id > 0;
