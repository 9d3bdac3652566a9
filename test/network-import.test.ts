import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadRegionIndex } from "../src/reference/networks.js";
import { parseNetworkFile } from "../src/rules/network/parse-network-file.js";
import { openTestDatabase } from "./support/databases.js";
import { queryRows } from "../src/db/driver/rows.js";
import { replaceNetwork } from "../src/db/network-import.js";

describe("network import", () => {
  it("reports every bad line with its number and accepts nothing from such a file", () => {
    const parsed = parseNetworkFile("襄阳\n# a comment\n亚特兰蒂斯\n\n朝阳区\n420100", loadRegionIndex());
    expect(parsed).toEqual({ ok: false, errors: [expect.stringContaining("line 3: unknown place"), expect.stringContaining("line 5:")] });
    expect(parseNetworkFile("\n# nothing\n", loadRegionIndex())).toEqual({ ok: false, errors: ["the file names no place"] });
  });

  it("replaces a network in one transaction", async () => {
    const handle = await openTestDatabase("pglite");
    try {
      const parsed = parseNetworkFile("襄樊\n武汉\n420100\n110105", loadRegionIndex());
      if (!parsed.ok) throw new Error(parsed.errors.join());
      expect(await replaceNetwork(handle.db, "GENE_TEST", parsed.entries)).toBe(4);
      const rows = await queryRows<{ region_code: string; duplicate_of: string | null }>(
        handle.db,
        sql`select region_code, duplicate_of from network_region where service_code = 'GENE_TEST' order by id`,
      );
      expect(rows).toEqual([
        { region_code: "420600", duplicate_of: null },
        { region_code: "420100", duplicate_of: null },
        { region_code: "420100", duplicate_of: "420100" },
        { region_code: "110105", duplicate_of: null },
      ]);
    } finally {
      await handle.close();
    }
  });
});
