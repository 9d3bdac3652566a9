import { PGlite } from "@electric-sql/pglite";
const t=Date.now(); const db = await PGlite.create(); console.log("create ms", Date.now()-t);
console.log((await db.query("select version()")).rows);
const d = Date.now(); const blob = await db.dumpDataDir("gzip"); console.log("dump ms", Date.now()-d, blob.size);
const l=Date.now(); const db2 = await PGlite.create({ loadDataDir: blob }); console.log("load ms", Date.now()-l);
