import { describe, expect, it } from "vitest";
import type { NetworkSources } from "./network-rows.js";
import type { Clause } from "./split-clauses.js";
import { countBySection, renderTraceMarkdown, traceHandbook, type Fate, type ProjectFile, type TraceInput } from "./trace.js";

// Ids are built at run time so that this file cites no clause itself.
const id = (...parts: string[]) => parts.join(".");
const CANCEL = id("GENE_TEST", "提示", "4");
const EXPIRY = id("ADVANCE", "提示", "5");
const HOTLINE = id("GENE_TEST", "流程", "1");
const ROW = id("GENE_TEST", "网络", "1");

const clause = (cid: string, text: string, extra: Partial<Clause> = {}): Clause => {
  const [section, subsection] = cid.split(".") as [Clause["section"], Clause["subsection"]];
  return { id: cid, section, subsection, item: cid.split(".").slice(0, 3).join("."), text, line: 1, ...extra };
};
const CLAUSES: Clause[] = [
  clause(CANCEL, "本服务自启动样本采集开始，不可取消。"),
  clause(`${EXPIRY}.1`, "若被保险人未在保单有效期内申请本项服务，则本项服务随保单有效期到期终止。"),
  clause(`${EXPIRY}.2`, "若我司已为被保险人完成服务安排，但被保险人未在预定时间办理住院，亦视为本项服务已完成。"),
  clause(HOTLINE, "申请服务 投保人/被保险人致电安盛天平服务热线 95550 申请本服务"),
  clause(ROW, "北京市 / 北京 / 上海市 / 上海", { line: 520, cells: ["北京市", "北京", "上海市", "上海"] }),
];
const NETWORKS: NetworkSources = {
  cities: { GENE_TEST: { file: "data/networks/gene-test.json", entries: [{ source: "北京", line: 520 }, { source: "上海", line: 520 }] } },
  mdt: { file: "data/networks/mdt-hospitals.json", hospitals: [] },
  japan: { file: "data/networks/japan-hospitals.json", hospitals: [] },
};
const RULE: ProjectFile = { path: "src/rules/cancel.ts", text: `// ${CANCEL}, ${EXPIRY}\nexport const x = 1;` };
const TEST: ProjectFile = { path: "src/rules/cancel.test.ts", text: `it("${CANCEL} 本服务自启动样本采集开始，不可取消", () => {});\nit("${EXPIRY} 则本项服务随保单有效期到期终止 — ends", () => {});` };
const NETWORK_TEST: ProjectFile = { path: "test/network.e2e.test.ts", text: "" };
const FATES: Fate[] = [{ id: HOTLINE, status: "INFORMATIONAL", reason: "the hotline" }];
const BASE: TraceInput = { clauses: CLAUSES, sources: [RULE], tests: [TEST, NETWORK_TEST], fates: FATES, networks: NETWORKS, networkTests: [NETWORK_TEST.path] };

const statuses = (input: TraceInput) => Object.fromEntries(traceHandbook(input).rows.map((r) => [r.clause.id, r.status]));

describe("traceHandbook", () => {
  it("implements a clause named in code and quoted by a test; an item id covers its sentences", () => {
    const trace = traceHandbook(BASE);
    expect(trace.errors).toEqual([]);
    expect(statuses(BASE)).toEqual({ [CANCEL]: "IMPLEMENTED", [`${EXPIRY}.1`]: "IMPLEMENTED", [`${EXPIRY}.2`]: "IMPLEMENTED", [HOTLINE]: "INFORMATIONAL", [ROW]: "IMPLEMENTED" });
    const row = trace.rows.find((r) => r.clause.id === CANCEL)!;
    expect([row.implementedIn, row.tests]).toEqual([[RULE.path], [TEST.path]]);
    expect(trace.rows.find((r) => r.clause.id === ROW)!.implementedIn).toEqual([NETWORKS.cities.GENE_TEST!.file]);
  });

  it.each<[string, Partial<TraceInput>, RegExp]>([
    ["a clause without code, test or fate", { fates: [] }, /GENE_TEST\.流程\.1: no rule, no test and no fate/],
    ["a clause named in code but quoted by no test", { tests: [NETWORK_TEST] }, /named in code but quoted by no test/],
    ["a clause quoted by a test but named in no code", { sources: [] }, /quoted by a test but named in no code/],
    ["a test citing a clause that does not exist", { tests: [NETWORK_TEST, { ...TEST, text: `${TEST.text}\nit("${id("GENE_TEST", "提示", "9")} 不存在的条款", () => {});` }] }, /cancel\.test\.ts:3: GENE_TEST\.提示\.9 is not a clause/],
    ["a test misquoting a clause", { tests: [NETWORK_TEST, { ...TEST, text: `${TEST.text}\nit("${CANCEL} 本服务自启动样本采集开始，可以取消", () => {});` }] }, /cancel\.test\.ts:3: GENE_TEST\.提示\.4 "本服务自启动样本采集开始，可以取消": the quote is not in the handbook's text/],
    ["code naming a clause that does not exist", { sources: [RULE, { path: "src/x.ts", text: `// ${id("MDT", "流程", "42")}` }] }, /src\/x\.ts:1: MDT\.流程\.42 is not a clause/],
    ["a fate for a clause that does not exist", { fates: [...FATES, { id: id("JAPAN", "提示", "99"), status: "MISSING", reason: "x" }] }, /fates: JAPAN\.提示\.99 is not a clause/],
    ["a fate without a reason", { fates: [{ ...FATES[0]!, reason: " " }] }, /has no reason/],
    ["a fate for a clause implemented now", { fates: [...FATES, { id: CANCEL, status: "MISSING", reason: "#15" }] }, /fates: GENE_TEST\.提示\.4 is implemented now; remove its entry/],
    ["a clause with two fates", { fates: [...FATES, { id: HOTLINE, status: "OUT_OF_SCOPE", reason: "again" }] }, /listed twice/],
    ["a network row with a cell no entry keeps", { networks: { ...NETWORKS, cities: { GENE_TEST: { file: "data/networks/gene-test.json", entries: [{ source: "北京", line: 520 }] } } } }, /GENE_TEST\.网络\.1: cells 上海 are in no entry/],
    ["a network test that does not exist", { tests: [TEST] }, /network test test\/network\.e2e\.test\.ts does not exist/],
  ])("reports %s", (_name, change, error) => {
    const trace = traceHandbook({ ...BASE, ...change });
    expect(trace.errors.join("\n")).toMatch(error);
  });

  it("shows a clause's words without implementing it: its fate holds, and the id must exist", () => {
    const shows: ProjectFile = { path: "src/rules/catalogue-text.ts", text: `export const apply = stepRemark("${HOTLINE}");\nexport const note = clauseText(\n  "${CANCEL}",\n);` };
    const trace = traceHandbook({ ...BASE, sources: [RULE, shows] });
    expect(trace.errors).toEqual([]);
    expect(trace.rows.find((r) => r.clause.id === HOTLINE)).toMatchObject({ status: "INFORMATIONAL", implementedIn: [] });
    expect(trace.rows.find((r) => r.clause.id === CANCEL)!.implementedIn).toEqual([RULE.path]);
    const unknown = { path: "src/rules/x.ts", text: `clauseExcerpt("${id("MDT", "提示", "42")}", "a")` };
    expect(traceHandbook({ ...BASE, sources: [RULE, unknown] }).errors.join("\n")).toMatch(/src\/rules\/x\.ts:1: MDT\.提示\.42 is not a clause/);
  });

  it("keeps a network row out of the data set honest with a fate", () => {
    const input: TraceInput = { ...BASE, networks: { ...NETWORKS, cities: { GENE_TEST: { file: "data/networks/gene-test.json", entries: [{ source: "北京", line: 520 }] } } }, fates: [...FATES, { id: ROW, status: "MISSING", reason: "上海 dropped" }] };
    expect(traceHandbook(input).errors).toEqual([]);
    expect(statuses(input)[ROW]).toBe("MISSING");
  });

  it("counts per section and renders the counts above the table", () => {
    const trace = traceHandbook({ ...BASE, fates: [] });
    expect(countBySection(trace.rows).get("GENE_TEST")).toEqual({ IMPLEMENTED: 2, INFORMATIONAL: 0, OUT_OF_SCOPE: 0, MISSING: 0, NONE: 1, TOTAL: 3 });
    const markdown = renderTraceMarkdown(trace);
    expect(markdown).toContain("| GENE_TEST | 2 | 0 | 0 | 0 | 1 | 3 |");
    expect(markdown).toContain(`| ${HOTLINE} | 申请服务 投保人/被保险人致电安盛天平服务热线 95550 申请本服务 |  |  | **NO FATE** — no rule, no test and no fate |`);
    expect(markdown).toContain(`| ${ROW} | 北京市 / 北京 / 上海市 / 上海 | data/networks/gene-test.json | test/network.e2e.test.ts | IMPLEMENTED |`);
  });
});
