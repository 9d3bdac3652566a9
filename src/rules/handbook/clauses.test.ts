import { describe, expect, it } from "vitest";
import { citedWords, clauseExcerpt, clauseQuote, clauseText, isClauseId, stepRemark, stepTitle } from "./clauses.js";

describe("the handbook's words by clause id", () => {
  it("GREEN_CHANNEL.提示.1 本项服务申请成功后不接受改期或取消 — a clause's text as printed", () => {
    expect(clauseText("GREEN_CHANNEL.提示.1")).toBe("本项服务申请成功后不接受改期或取消。");
  });

  it("ADVANCE.提示.3 提供垫付服务时，被保险人须签署 — an item of several sentences is its sentences joined", () => {
    expect(clauseText("ADVANCE.提示.3")).toBe(`${clauseText("ADVANCE.提示.3.1")}${clauseText("ADVANCE.提示.3.2")}`);
    expect(isClauseId("ADVANCE.提示.3")).toBe(true);
  });

  it("MDT.提示.1.2 （若被保险人或家属无法亲自前往 — leaves out words where they first occur", () => {
    const text = clauseText("MDT.提示.1", { omit: ["（"] });
    expect(text).toContain("出具报告。若被保险人或家属");
    expect(text).not.toContain("（");
  });

  it("MDT.标准.2 我司收到服务申请及完整资料后…会诊后 5-10 个工作日内 — an excerpt between markers, plain or marked as a quote", () => {
    expect(clauseExcerpt("MDT.标准.2", "会诊后")).toBe("会诊后 5-10 个工作日内，出具书面诊疗意见报告。");
    expect(clauseExcerpt("MDT.标准.2", "我司收到", "专家会诊")).toBe("我司收到服务申请及完整资料后，服务人员将在10 个工作日内安排线下 MDT 专家会诊");
    expect(clauseQuote("GREEN_CHANNEL.提示.2", "亦视为")).toBe("…亦视为本项服务已完成，计入服务次数。");
    expect(clauseQuote("ADVANCE.提示.2.1", undefined, "垫付服务")).toBe("如被保险人之前已因相同疾病住院成功申请过我司垫付服务…");
    expect(clauseQuote("GREEN_CHANNEL.提示.1")).toBe(clauseText("GREEN_CHANNEL.提示.1"));
  });

  it("GREEN_CHANNEL.流程.3 安排服务 *【专家门诊预约】 — a 服务流程 row's title and its remarks", () => {
    expect(stepTitle("GREEN_CHANNEL.流程.3")).toBe("安排服务");
    expect(stepRemark("GREEN_CHANNEL.流程.3")).toBe("【专家门诊预约】启动服务后 5 个工作日内完成安排；【住院或手术协调】启动服务且住院通知单开具之日起 10 个工作日内完成安排");
    expect(stepTitle("MDT.流程.5")).toBe("出具会诊报告");
    expect(stepRemark("MDT.流程.5")).toBe("多科室专家会诊后 5-10 个工作日内，出具书面诊疗意见报告，服务完成");
    // The row JAPAN.流程.11: no title apart from its text.
    expect(stepTitle("JAPAN.流程.11")).toBe(clauseText("JAPAN.流程.11"));
    expect(() => stepRemark("JAPAN.流程.11")).toThrow("no remark");
    expect(() => stepTitle("JAPAN.提示.4")).toThrow("not a 服务流程 row");
  });

  it("gives the words of every clause a rule cites", () => {
    expect(citedWords("ADVANCE.流程.5, ADVANCE.提示.3.1")).toBe(`${clauseText("ADVANCE.流程.5")} / ${clauseText("ADVANCE.提示.3.1")}`);
  });

  it("throws for a clause that does not exist, or a marker not in its text, so a definition quoting one fails to load", () => {
    // Built at run time: the trace refuses a test naming a clause that does not exist.
    const unknown = ["MDT", "提示", "9"].join(".");
    expect(() => clauseText(unknown)).toThrow(`${unknown} is not a clause of the handbook`);
    expect(() => clauseText("MDT.提示")).toThrow("is not a clause");
    expect(isClauseId(unknown)).toBe(false);
    expect(() => clauseExcerpt("MDT.标准.2", "三个工作日")).toThrow('"三个工作日" is not in its text');
    expect(() => clauseExcerpt("MDT.标准.2", "会诊后", "服务时效")).toThrow("is not in its text after");
    expect(() => clauseText("MDT.提示.3", { omit: ["（"] })).toThrow("is not in its text");
  });
});
