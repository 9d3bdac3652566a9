// Handbook 2022 MDT 多学科会诊 and 赴日就医 network lists: a hospital is found by the name as the
// handbook prints it — with or without 医学院 (上海交通大学(医学院)附属瑞金医院), with its bracketed
// second name or without, in full-width or half-width characters.

/** What a search ignores; `HOSPITAL_SEARCH_NOISE_SQL` is the same set for PostgreSQL's regexp_replace. */
const NOISE = /[\s\u3000()（）[\]［］【】〔〕]|医学院/g;
export const HOSPITAL_SEARCH_NOISE_SQL = "[[:space:]\u3000()（）\\[\\]［］【】〔〕]|医学院";

/** The text a hospital search compares: NFKC (full-width → half-width), lower case, noise removed. */
export function hospitalSearchKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(NOISE, "");
}
