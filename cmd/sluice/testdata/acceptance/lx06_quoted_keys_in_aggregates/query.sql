cReAtE StReAm lx06_sales ("Region Name" STRING, `Amount USD` INT, ts TIMESTAMP, WaTeRmArK fOr ts As ts - iNtErVaL '1' sEcOnD)
  wItH (connector = 'file', path = 'lx06_sales.jsonl', format = 'json');

create table lx06_out with (connector = 'file', path = 'out/lx06_out.jsonl', format = 'json') as
  sElEcT "Region Name", Window_Start AS "Start", COUNT(*) AS "Total Count", sum(`Amount USD`) aS `Sum $`,
         MAX("Amount USD") As "MAX"
  FrOm lx06_sales
  WhErE `Amount USD` > 3
  wInDoW tUmBlInG (sIzE 1 mInUtE)
  GrOuP bY "Region Name"
  EmIt FiNaL;
