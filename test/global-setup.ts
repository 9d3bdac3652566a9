// Once per test run: migrate and seed a PGlite template (tests copy it: a fresh PGlite takes
// seconds), and, when TEST_DATABASE_URL is set, a PostgreSQL template database that every test
// file clones with CREATE DATABASE … TEMPLATE.
import "reflect-metadata";
import { mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { seed } from "../src/db/seed/seed.js";
import { DEVELOPMENT_PII_KEY } from "../src/config/config.js";
import { createPiiProtector } from "../src/security/pii-protector.js";
import { PGLITE_TEMPLATE_PATH } from "./support/paths.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const pglite = await openDatabase({ kind: "pglite-memory" });
  await migrate(pglite.db);
  await seed(pglite.db, { demo: false, today: "2026-01-05", pii: createPiiProtector(DEVELOPMENT_PII_KEY) });
  const client = (pglite.db as unknown as { $client: { dumpDataDir(c: "gzip"): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("gzip");
  mkdirSync(new URL(".", PGLITE_TEMPLATE_PATH), { recursive: true });
  writeFileSync(PGLITE_TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide("postgresTemplate", null);
    return;
  }
  const template = `hsg_template_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${template}`);
  const handle = await openDatabase({ kind: "postgres", url: withDatabase(url, template) }, { maxConnections: 2 });
  await migrate(handle.db);
  await seed(handle.db, { demo: false, today: "2026-01-05", pii: createPiiProtector(DEVELOPMENT_PII_KEY) });
  await handle.close();
  project.provide("postgresTemplate", template);

  return async () => {
    const clones = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${template}%`}`;
    for (const { datname } of clones) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
