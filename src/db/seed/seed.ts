// The seed step: reference data always; demo data (policies, public keys) only when SEED_DEMO is
// on, and the public keys revoked when it is off.
import type { PiiProtector } from "../../security/pii-protector.js";
import { transaction } from "../driver/database.js";
import type { Database } from "../client.js";
import { revokeDemoKeys, seedDemo } from "./seed-demo.js";
import { seedNetworks } from "./seed-networks.js";
import { readDemoHospitalRegistry } from "../../reference/networks.js";
import { seedHospitalRegistry } from "../hospital-registry-import.js";
import { seedReference } from "./seed-reference.js";

export interface SeedOptions {
  readonly demo: boolean;
  /** The date demo data is laid out around (Asia/Shanghai). */
  readonly today: string;
  readonly pii: PiiProtector;
}

export interface SeedReport {
  readonly demoPoliciesWritten: number;
  /** Demo keys found active with demo data off, now revoked. */
  readonly demoKeysRevoked: number;
}

export async function seed(db: Database, options: SeedOptions): Promise<SeedReport> {
  return transaction(db, async (tx) => {
    await seedReference(tx);
    await seedNetworks(tx);
    const demoPoliciesWritten = options.demo ? await seedDemo(tx, options.today, options.pii) : 0;
    const demoKeysRevoked = options.demo ? 0 : await revokeDemoKeys(tx);
    // The demo hospital registry, only into an empty one (an operator's import stays).
    if (options.demo) await seedHospitalRegistry(tx, readDemoHospitalRegistry());
    return { demoPoliciesWritten, demoKeysRevoked };
  });
}
