// Handbook 2022 服务覆盖网络: a place is looked up as the handbook's tables print it — a short or
// shared name (昌江, 吉林, 海南) means the division the service's table lists, and the other
// readings are named beside the answer.
import { checkCoverage, type CoverageDecision, type CoverageService } from "./check-coverage.js";
import type { PlaceLookup, RegionIndex, RegionRecord } from "./region-index.js";

export interface CoverageAnswer {
  readonly covered: boolean;
  /** The division the place was understood as; null when unknown or still ambiguous. */
  readonly region: RegionRecord | null;
  /** The other divisions the typed name can mean. */
  readonly candidates: readonly RegionRecord[];
  readonly note: string;
}

/**
 * Of several readings, the one the network lists by name, else the one inside a listed division;
 * the look-up's own answer wins within a tier, and a tier of several others decides nothing.
 * Nothing decided: the look-up's own answer, or null (still ambiguous).
 */
export function chooseReading(
  preferred: RegionRecord | null,
  readings: readonly RegionRecord[],
  coveredBy: (region: RegionRecord) => RegionRecord | null,
): RegionRecord | null {
  const tiers = [readings.filter((r) => coveredBy(r)?.code === r.code), readings.filter((r) => coveredBy(r) !== null)];
  for (const tier of tiers) {
    if (preferred && tier.some((r) => r.code === preferred.code)) return preferred;
    if (tier.length === 1) return tier[0]!;
    if (tier.length > 1) return preferred;
  }
  return preferred;
}

export function answerCoverage(
  service: CoverageService,
  query: string,
  lookup: PlaceLookup,
  index: RegionIndex,
  listedCodes: ReadonlySet<string>,
): CoverageAnswer {
  if (lookup.kind === "UNKNOWN") {
    return { covered: false, region: null, candidates: [], note: `没有找到“${query}”对应的行政区。No division matches "${query}".` };
  }
  const decide = (region: RegionRecord): CoverageDecision => checkCoverage(service, region, index, listedCodes);
  const preferred = lookup.kind === "FOUND" ? lookup.region : null;
  const readings = lookup.kind === "FOUND" ? [lookup.region, ...lookup.alternatives] : lookup.candidates;
  // Only a city list tells readings apart: online and nationwide networks cover every reading alike.
  const chosen = service.network === "CITY_LIST" ? chooseReading(preferred, readings, (r) => decide(r).coveredBy) : preferred;
  if (!chosen) {
    const names = named(readings);
    return { covered: false, region: null, candidates: readings, note: `“${query}”有多个可能，请指明：${names}. Ambiguous: ${names}.` };
  }
  const decision = decide(chosen);
  const candidates = readings.filter((r) => r.code !== chosen.code);
  const via = lookup.kind === "FOUND" && chosen.code === lookup.region.code && lookup.via ? ` (${lookup.via})` : "";
  const reading =
    chosen.code !== preferred?.code
      ? ` “${query}”有多种理解，按本服务网络所列理解为${chosen.name}（${chosen.code}）。"${query}" has several readings; answered for the one this service's network lists.`
      : "";
  const others = candidates.length > 0 ? ` 其他理解 Other readings: ${named(candidates)}.` : "";
  return { covered: decision.covered, region: chosen, candidates, note: `${decision.note}${via}${reading}${others}` };
}

const named = (regions: readonly RegionRecord[]) =>
  regions
    .slice(0, 8)
    .map((c) => `${c.name} (${c.code})`)
    .join(", ");
