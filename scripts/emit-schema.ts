// npm run schema:emit — writes schema.graphql from the code (the committed, reviewed artefact).
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { getSchema, printSchemaSdl } from "../src/graph/build-schema.js";

const sdl = printSchemaSdl(await getSchema());
writeFileSync(new URL("../schema.graphql", import.meta.url), sdl);
process.stdout.write(`schema.graphql: ${sdl.split("\n").length} lines\n`);
