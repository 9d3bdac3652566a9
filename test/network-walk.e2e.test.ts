// Every entry of every network, as the handbook prints it, is a working query through the graph:
// each city-network cell answers covered as its division, each hospital is found by its printed name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CITY_NETWORK_FILES, readCityNetwork, readJapanHospitals, readMdtHospitals } from "../src/reference/networks.js";
import { CoverageDocument, HospitalsDocument } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

const cityServices = Object.keys(CITY_NETWORK_FILES) as (keyof typeof CITY_NETWORK_FILES)[];
const printedHospitals = [
  ...readMdtHospitals().map((h) => ({ service: "MDT" as const, printed: h.source, name: h.name })),
  ...readJapanHospitals().flatMap((h) => [
    { service: "JAPAN_CARE" as const, printed: h.nameZh, name: h.nameZh },
    { service: "JAPAN_CARE" as const, printed: h.nameJa, name: h.nameZh },
  ]),
];

describe.each(testTargets())("every printed network entry on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(cityServices.map((service) => [service, readCityNetwork(service)] as const))("%s: every cell answers covered as its division", async (service, entries) => {
    expect(entries.length).toBeGreaterThan(30);
    const misses: string[] = [];
    for (const entry of entries) {
      const { data, errors } = await server.request(CoverageDocument, { service, place: entry.source });
      const answer = data?.coverage;
      if (errors || !answer?.covered || answer.region?.code !== entry.code) {
        misses.push(`line ${entry.line} ${entry.source} → ${answer?.covered} ${answer?.region?.name ?? "-"} (${answer?.note ?? errors?.[0]?.message}), expected ${entry.name}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it(`finds each of the ${printedHospitals.length} printed hospital names through hospitals(filter: { search })`, async () => {
    const misses: string[] = [];
    for (const { service, printed, name } of printedHospitals) {
      const { data, errors } = await server.request(HospitalsDocument, { first: 50, filter: { search: printed } });
      const found = data?.hospitals.edges.filter((e) => e.node.services.includes(service)).map((e) => e.node.name.zh) ?? [];
      if (errors || !found.includes(name)) misses.push(`${printed} → [${found.join(", ")}], expected ${name}`);
    }
    expect(misses).toEqual([]);
  });
});
