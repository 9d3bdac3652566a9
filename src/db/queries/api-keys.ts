import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../client.js";
import { apiKeys, partners } from "../schema/index.js";

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type PartnerRow = typeof partners.$inferSelect;

export function partnersByCodes(executor: Executor, codes: readonly string[]): Promise<PartnerRow[]> {
  return executor.select().from(partners).where(inArray(partners.code, [...codes]));
}

export async function partnerByCode(executor: Executor, code: string): Promise<PartnerRow | null> {
  const [row] = await executor.select().from(partners).where(eq(partners.code, code));
  return row ?? null;
}

export async function insertPartner(executor: Executor, values: typeof partners.$inferInsert): Promise<PartnerRow | null> {
  const [row] = await executor.insert(partners).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function revokeApiKeyById(executor: Executor, id: string): Promise<boolean> {
  const rows = await executor
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

export async function insertIssuedKey(executor: Executor, values: typeof apiKeys.$inferInsert): Promise<string> {
  const [row] = await executor.insert(apiKeys).values(values).returning({ id: apiKeys.id });
  return row!.id;
}

export async function activeApiKeyByHash(executor: Executor, secretHash: string): Promise<ApiKeyRow | null> {
  const [row] = await executor
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}


/** A key that must be usable: written if missing, un-revoked if revoked. */
export async function upsertActiveApiKey(executor: Executor, values: typeof apiKeys.$inferInsert): Promise<void> {
  await executor.insert(apiKeys).values(values).onConflictDoUpdate({ target: apiKeys.secretHash, set: { revokedAt: null } });
}

/** Revokes the active keys with these hashes; returns how many were active. */
export async function revokeApiKeysByHash(executor: Executor, secretHashes: readonly string[]): Promise<number> {
  if (secretHashes.length === 0) return 0;
  const rows = await executor
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(inArray(apiKeys.secretHash, [...secretHashes]), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length;
}
