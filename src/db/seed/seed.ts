// The seed step: reference data always; demo data (policies) only when SEED_DEMO is on.
import type { PiiProtector } from "../../security/pii-protector.js";
import type { Database } from "../client.js";
import { seedDemo } from "./seed-demo.js";
import { seedNetworks } from "./seed-networks.js";
import { seedReference } from "./seed-reference.js";

export interface SeedOptions {
  readonly demo: boolean;
  /** The date demo data is laid out around (Asia/Shanghai). */
  readonly today: string;
  readonly pii: PiiProtector;
}

export interface SeedReport {
  readonly demoPoliciesWritten: number;
}

export async function seed(db: Database, options: SeedOptions): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    await seedReference(tx);
    await seedNetworks(tx);
    const demoPoliciesWritten = options.demo ? await seedDemo(tx, options.today, options.pii) : 0;
    return { demoPoliciesWritten };
  });
}
