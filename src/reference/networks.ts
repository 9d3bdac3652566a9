// The reviewed network data sets (data/networks, data/regions), read once per process.
import { createRegionIndex, type AliasRecord, type RegionIndex, type RegionRecord } from "../rules/network/region-index.js";
import type { CorrectionRecord } from "./corrections.js";
import { parseHospitalRegistry, type RegistryLine } from "../rules/network/parse-hospital-registry.js";
import { readDataJson, readDataText } from "./load-data.js";

export interface NetworkFileEntry {
  source: string;
  line: number;
  sourceProvince: string | null;
  code: string;
  name: string;
  level: string;
  provinceCode: string;
  duplicateOf: string | null;
  corrections: CorrectionRecord[];
}

export const CITY_NETWORK_FILES = {
  GREEN_CHANNEL: "networks/green-channel.json",
  INPATIENT_ADVANCE: "networks/inpatient-advance.json",
  GENE_TEST: "networks/gene-test.json",
} as const;

export interface MdtHospitalRecord {
  source: string;
  listedUnder: string;
  name: string;
  aliases: string[];
  city: string;
  cityCode: string;
  corrections: CorrectionRecord[];
}

export interface JapanHospitalRecord {
  nameZh: string;
  nameJa: string;
  city: string;
  prefecture: string;
  corrections: CorrectionRecord[];
}

let regionIndex: RegionIndex | undefined;

export function loadRegionIndex(): RegionIndex {
  regionIndex ??= createRegionIndex(
    readDataJson<{ regions: RegionRecord[] }>("regions/regions.json").regions,
    readDataJson<{ aliases: AliasRecord[] }>("regions/aliases.json").aliases,
  );
  return regionIndex;
}

export function readCityNetwork(service: keyof typeof CITY_NETWORK_FILES): NetworkFileEntry[] {
  return readDataJson<{ entries: NetworkFileEntry[] }>(CITY_NETWORK_FILES[service]).entries;
}

export function readMdtHospitals(): MdtHospitalRecord[] {
  return readDataJson<{ hospitals: MdtHospitalRecord[] }>("networks/mdt-hospitals.json").hospitals;
}

export function readJapanHospitals(): JapanHospitalRecord[] {
  return readDataJson<{ hospitals: JapanHospitalRecord[] }>("networks/japan-hospitals.json").hospitals;
}

/** The demo hospital registry (data/hospitals/registry-demo.tsv): made-up hospitals for demo data and tests. */
export function readDemoHospitalRegistry(): readonly RegistryLine[] {
  const parsed = parseHospitalRegistry(readDataText("hospitals/registry-demo.tsv"), loadRegionIndex());
  if (!parsed.ok) throw new Error(`data/hospitals/registry-demo.tsv: ${parsed.errors.join("; ")}`);
  return parsed.entries;
}
