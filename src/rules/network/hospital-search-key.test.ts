import { describe, expect, it } from "vitest";
import { hospitalSearchKey } from "./hospital-search-key.js";

describe("hospitalSearchKey: what a hospital search compares", () => {
  it.each([
    ["医学院 left out and inserted match", "上海交通大学附属瑞金医院", "上海交通大学医学院附属瑞金医院", true],
    ["full-width brackets and half-width brackets", "南方医院（南方医科大学附属第一医院）", "南方医院(南方医科大学附属第一医院)", true],
    ["full-width digits", "３０１医院", "301医院", true],
    ["spaces, also the ideographic one", "国立がん研究センター 東病院", "国立がん研究センター　東病院", true],
    ["latin letters in any case", "ＭＤＴ", "mdt", true],
    ["a different hospital stays different", "上海交通大学附属胸科医院", "上海交通大学附属第九人民医院", false],
    ["医学科学院 is not 医学院", "中国医学科学院肿瘤医院", "中国科学院肿瘤医院", false],
  ])("%s", (_name, a, b, same) => {
    expect(hospitalSearchKey(a) === hospitalSearchKey(b)).toBe(same);
  });
});
