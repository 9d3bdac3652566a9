// Replaces a service's city network from a validated file, in one transaction.
import { eq } from "drizzle-orm";
import { transaction } from "./driver/database.js";
import type { NetworkFileLine } from "../rules/network/parse-network-file.js";
import type { Database } from "./client.js";
import { networkRegions } from "./schema/index.js";

export async function replaceNetwork(db: Database, service: string, entries: readonly NetworkFileLine[]): Promise<number> {
  return transaction(db, async (tx) => {
    await tx.delete(networkRegions).where(eq(networkRegions.serviceCode, service));
    const seen = new Map<string, string>();
    await tx.insert(networkRegions).values(
      entries.map((e) => {
        const duplicateOf = seen.has(e.region.code) ? e.region.code : null;
        seen.set(e.region.code, e.source);
        return {
          serviceCode: service,
          regionCode: e.region.code,
          source: e.source,
          sourceLine: e.line,
          sourceProvince: null,
          duplicateOf,
          corrections: e.via ? [{ kind: "OLD_NAME", reason: e.via }] : [],
        };
      }),
    );
    return entries.length;
  });
}
