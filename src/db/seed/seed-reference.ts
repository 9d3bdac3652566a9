// Reference data every database needs (catalogue mirror), written idempotently at every start-up.
import { sql } from "drizzle-orm";
import { SERVICES } from "../../rules/catalogue/catalogue.js";
import type { Executor } from "../client.js";
import { benefits, services } from "../schema/index.js";

export async function seedReference(executor: Executor): Promise<void> {
  await executor
    .insert(services)
    .values(SERVICES.map((s, index) => ({ code: s.code, nameZh: s.name.zh, nameEn: s.name.en, position: index + 1 })))
    .onConflictDoUpdate({
      target: services.code,
      set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en`, position: sql`excluded.position` },
    });
  await executor
    .insert(benefits)
    .values(
      SERVICES.flatMap((s) =>
        s.benefits.map((b) => ({ code: b.code, serviceCode: s.code, nameZh: b.name.zh, nameEn: b.name.en, quota: b.quota })),
      ),
    )
    .onConflictDoUpdate({
      target: benefits.code,
      set: {
        serviceCode: sql`excluded.service_code`,
        nameZh: sql`excluded.name_zh`,
        nameEn: sql`excluded.name_en`,
        quota: sql`excluded.quota`,
      },
    });
}
