import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HANDBOOK_NOTICE, SERVICE_TEXT } from "./handbook-text.js";

// The words a front end shows are the handbook's own: every Chinese text is in the handbook as printed.
const handbook = readFileSync(new URL("../../../data/handbook/handbook-2022.txt", import.meta.url), "utf8");
const plain = (s: string) => s.normalize("NFKC").replace(/[\s*]/gu, "").replace(/[；;。]$/u, "");
const printed = plain(handbook);

describe("the handbook's words in the catalogue", () => {
  const texts = [
    ...Object.entries(SERVICE_TEXT).flatMap(([service, text]) =>
      [...(text.hours ? [text.hours] : []), ...text.conditions, ...text.standards].map((t) => [service, t.zh] as const),
    ),
    ...[...HANDBOOK_NOTICE.disclaimer, HANDBOOK_NOTICE.networkCaveat].map((t) => ["notice", t.zh] as const),
  ];
  it.each(texts)("%s: 「%s」 is printed in the handbook", (_where, zh) => {
    const pieces = plain(zh).split("。").filter(Boolean);
    for (const piece of pieces) expect(printed).toContain(piece);
  });

  it.each<[string, string, string]>([
    ["GENERAL.说明.4.1 本手册仅供了解本产品的健康管理服务使用，不构成保险合同的一部分", "notice", "不构成保险合同的一部分"],
    ["GENERAL.说明.4.3 并保留对本服务手册的细则解释、内容变更的权利", "notice", "保留对本服务手册的细则解释、内容变更的权利"],
    ["GENERAL.说明.7 被保险人可享有的具体服务内容请以保险单实际载明的保障责任为准", "notice", "以保险单实际载明的保障责任为准"],
    ["SECOND_OPINION.标准.1 提供本服务的医生资源覆盖全国三级甲等医院副主任及以上级别", "SECOND_OPINION", "副主任及以上级别"],
    ["SECOND_OPINION.提示.4 此服务不可指定医生", "SECOND_OPINION", "此服务不可指定医生"],
    ["GREEN_CHANNEL.标准.2.3 （本服务不可指定医生）", "GREEN_CHANNEL", "本服务不可指定医生"],
    ["GENE_TEST.条件.3 一般为病理切片、外周血、活检组织或唾液", "GENE_TEST", "病理切片、外周血、活检组织或唾液"],
    ["FAMILY_DOCTOR.介绍.1 7*24 小时在线的专属家庭医生团队为被保险人及家人提供图片、文字等无限次的专业解答", "FAMILY_DOCTOR", "为被保险人及家人"],
  ])("%s", (_clause, where, words) => {
    const shown =
      where === "notice"
        ? [...HANDBOOK_NOTICE.disclaimer].map((t) => t.zh)
        : [SERVICE_TEXT[where as keyof typeof SERVICE_TEXT].hours, ...SERVICE_TEXT[where as keyof typeof SERVICE_TEXT].conditions, ...SERVICE_TEXT[where as keyof typeof SERVICE_TEXT].standards].map((t) => t?.zh ?? "");
    expect(shown.some((zh) => zh.includes(words))).toBe(true);
  });
});
