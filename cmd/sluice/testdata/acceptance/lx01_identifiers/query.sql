/* A block comment
   over two lines. */
cReAtE sTrEaM Lx01_People (
  "Full Name" STRING,   -- quoted: keeps its case and its space
  `AGE` INT,
  city varchar
) wItH (connector = 'file', path = 'lx01_people.jsonl', format = 'json');

Create Stream lx01_out With (connector = 'file', path = 'out/lx01_out.jsonl', format = 'json') As
  Select "Full Name", `AGE` + 1 As "Next Age", CITY, Lx01_People.City aS `City Again`, 'it''s' AS quote
  From LX01_PEOPLE
  wHeRe "Full Name" <> 'O''Brien' Or CiTy = 'Cork';  -- a comment after the statement
