import { enumFromCodes } from "../shared/enums.js";

export const REGION_LEVELS = ["PROVINCE", "PREFECTURE", "COUNTY"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const RegionLevelEnum = enumFromCodes(REGION_LEVELS, "RegionLevel", "GB/T 2260 level of a division. 行政区划级别。", {
  PROVINCE: { description: "省级 Province, municipality or autonomous region." },
  PREFECTURE: { description: "地级 Prefecture-level city, prefecture or autonomous prefecture." },
  COUNTY: { description: "县级 County-level city, county or district." },
});

export const COUNTRIES = ["CN", "JP"] as const;
export type Country = (typeof COUNTRIES)[number];
export const CountryEnum = enumFromCodes(COUNTRIES, "Country", "Country of a hospital.");
