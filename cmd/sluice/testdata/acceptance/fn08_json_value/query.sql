CREATE STREAM docs (id INT, payload STRING)
  WITH (connector = 'file', path = 'fn08_docs.jsonl', format = 'json');

CREATE STREAM json_out WITH (connector = 'file', path = 'out/json_out.jsonl', format = 'json') AS
  SELECT id, JSON_VALUE(payload, '$.user.name') AS name,
         CAST(JSON_VALUE(payload, '$.user.age') AS INT) AS age,
         JSON_VALUE(payload, '$.user.tags[0]') AS first_tag,
         JSON_VALUE(payload, '$.user.tags[5]') AS far_tag,
         JSON_VALUE(payload, '$.missing') AS missing,
         CAST(JSON_VALUE(payload, '$.ok') AS BOOLEAN) AS ok,
         CAST(JSON_VALUE(payload, '$.score') AS DOUBLE) AS score
  FROM docs;
