import { describe, expect, it } from "vitest";
import { findCitations, normaliseQuote, quoteProblem } from "./citations.js";

// Ids are built at run time so that this file cites no clause itself.
const id = (...parts: string[]) => parts.join(".");
const STEP = id("JAPAN", "流程", "4");
const NOTE = id("ADVANCE", "提示", "5", "2");

describe("findCitations", () => {
  it.each<[string, string, [string, number, string | null][]]>([
    ["a test name with a quote", `it("${STEP} 服务商收到我司审核结果后，在1个工作日内通知…", () => {})`, [[STEP, 1, "服务商收到我司审核结果后，在1个工作日内通知…"]]],
    ["the quote ends at an em dash", `["${STEP} 在1个工作日内通知 — start notice", 1]`, [[STEP, 1, "在1个工作日内通知"]]],
    ["two citations in one name", `"${STEP} 在1个工作日内通知 — ${NOTE} 亦视为本项服务已完成 — both"`, [[STEP, 1, "在1个工作日内通知"], [NOTE, 1, "亦视为本项服务已完成"]]],
    ["a bare mention in a comment", `// ${STEP}, ${NOTE}.\nconst x = 1;`, [[STEP, 1, null], [NOTE, 1, null]]],
    ["a mention in a string", `["${STEP}", "text"]`, [[STEP, 1, null]]],
    ["the quote ends at a colon and a space (a note follows)", `"${STEP} 在1个工作日内通知: a day late"`, [[STEP, 1, "在1个工作日内通知"]]],
    ["the line is counted", `a\nb\n// ${STEP}`, [[STEP, 3, null]]],
    ["an id followed by another id is a mention", `// ${STEP} ${NOTE}`, [[STEP, 1, null], [NOTE, 1, null]]],
    ["part of a longer word is no id", `X${STEP} 文字 _${NOTE}`, []],
    ["an unknown section is no id", `${id("DENTAL", "流程", "1")} 洗牙`, []],
  ])("%s", (_name, text, expected) => {
    expect(findCitations(text).map((c) => [c.id, c.line, c.quote])).toEqual(expected);
  });
});

describe("a look-up of a clause's words", () => {
  it.each<[string, string, boolean]>([
    ["clauseText", `t(clauseText("${STEP}"), "en")`, true],
    ["clauseExcerpt, the id on the next line", `clauseExcerpt(\n    "${STEP}",\n    "from")`, true],
    ["clauseQuote", `sentence: clauseQuote('${STEP}', "a")`, true],
    ["stepTitle", `name: t(stepTitle("${STEP}"), "x")`, true],
    ["stepRemark", `stepRemark(\`${STEP}\`)`, true],
    ["a rule's clause", `{ clause: "${STEP}" }`, false],
    ["another function", `notClauseText("${STEP}")`, false],
    ["a comment", `// ${STEP} clauseText`, false],
  ])("%s", (_name, text, shown) => {
    expect(findCitations(text).map((c) => c.shown)).toEqual([shown]);
  });
});

describe("quoteProblem", () => {
  const SENTENCES = ["服务商收到我司审核结果后，在1个工作日内通知被保险人是否启动日本医疗综合服务", "服务时间：7x24小时(含公共节假日、春节)"];
  it.each<[string, string, string | null]>([
    ["a verbatim part", "在1个工作日内通知被保险人", null],
    ["a trailing … is dropped", "服务商收到我司审核结果后…", null],
    ["a trailing ... is dropped", "服务商收到我司审核结果后...", null],
    ["half-width punctuation for full-width", "服务商收到我司审核结果后,在1个工作日内", null],
    ["full-width brackets for half-width", "7x24小时（含公共节假日、春节）", null],
    ["spaces do not matter", "服务时间： 7x24 小时", null],
    ["another sentence of the item", "服务时间：7x24小时", null],
    ["a leading … is dropped", "…在1个工作日内通知被保险人", null],
    ["an elision in the middle: the pieces in order", "服务商收到…在1个工作日内通知", null],
    ["an elision with the pieces out of order", "在1个工作日内通知…服务商收到", "the quote is not in the handbook's text"],
    ["a changed number", "在2个工作日内通知被保险人", "the quote is not in the handbook's text"],
    ["a paraphrase", "one working day to notify", "the quote is not in the handbook's text"],
    ["too short to mean anything", "通知", "the quote is shorter than 6 characters and not a whole sentence"],
    ["empty once normalised", "…", "the quote is empty"],
  ])("%s", (_name, quote, problem) => {
    expect(quoteProblem(quote, SENTENCES)).toBe(problem);
  });

  it("accepts a short quote that is the whole sentence", () => {
    expect(quoteProblem("1次", ["1次"])).toBeNull();
  });

  it("normalises full-width forms, whitespace and *", () => {
    expect(normaliseQuote("（本服务 不可指定医生）；*")).toBe("(本服务不可指定医生);");
  });
});
