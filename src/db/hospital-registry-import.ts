// Replaces the mainland hospital registry from a validated file, in one transaction.
import { count } from "drizzle-orm";
import { transaction } from "./driver/database.js";
import type { RegistryLine } from "../rules/network/parse-hospital-registry.js";
import type { Database, Executor } from "./client.js";
import { hospitalRegistry } from "./schema/index.js";

export async function replaceHospitalRegistry(db: Database, entries: readonly RegistryLine[]): Promise<number> {
  return transaction(db, async (tx) => {
    await tx.delete(hospitalRegistry);
    await writeRegistry(tx, entries);
    return entries.length;
  });
}

/** Writes the registry only when it is empty, so an operator's import is never overwritten (demo data). */
export async function seedHospitalRegistry(executor: Executor, entries: readonly RegistryLine[]): Promise<number> {
  const [existing] = await executor.select({ n: count() }).from(hospitalRegistry);
  if ((existing?.n ?? 0) > 0) return 0;
  await writeRegistry(executor, entries);
  return entries.length;
}

async function writeRegistry(executor: Executor, entries: readonly RegistryLine[]): Promise<void> {
  if (entries.length === 0) return;
  await executor.insert(hospitalRegistry).values(
    entries.map((e) => ({
      name: e.name,
      aliases: [...e.aliases],
      searchKeys: [...e.searchKeys],
      gradeLevel: e.grade.level,
      gradeTier: e.grade.tier,
      ownership: e.ownership,
      division: e.division,
      city: e.city,
      cityCode: e.cityCode,
      sourceLine: e.line,
    })),
  );
}
