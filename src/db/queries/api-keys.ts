import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client.js";
import { apiKeys } from "../schema/index.js";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function activeApiKeyByHash(executor: Executor, secretHash: string): Promise<ApiKeyRow | null> {
  const [row] = await executor
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function insertApiKey(executor: Executor, values: typeof apiKeys.$inferInsert): Promise<void> {
  await executor.insert(apiKeys).values(values).onConflictDoNothing();
}
