import type { HospitalRow } from "../../db/queries/networks.js";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import type { RegionIndex, RegionRecord } from "../../rules/network/region-index.js";
import type { Country } from "../../schema/network/network.enums.js";
import type { Hospital } from "../../schema/network/hospital.type.js";
import type { Region } from "../../schema/network/region.type.js";
import { toGlobalId } from "../../schema/shared/global-id.js";

export function presentRegion(record: RegionRecord, index: RegionIndex): Region {
  const province = record.level === "PROVINCE" ? null : index.byCode.get(record.provinceCode);
  return {
    code: record.code,
    name: record.name,
    level: record.level,
    province: province ? { code: province.code, name: province.name, level: "PROVINCE", province: null } : null,
  };
}

export function presentHospital(row: HospitalRow): Hospital {
  return {
    id: toGlobalId("Hospital", row.id),
    name: { zh: row.nameZh, ...(row.nameJa ? { ja: row.nameJa } : {}) } as Hospital["name"],
    country: row.country as Country,
    city: row.city,
    prefecture: row.prefecture,
    services: [row.serviceCode as ServiceCode],
    aliases: row.aliases,
  };
}
