// Networks through the graph: public, on every database target.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoverageDocument, CoveredRegionsDocument, HospitalsDocument, NodeByIdDocument } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

describe.each(testTargets())("networks on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("MDT.提示.1.1 本服务由北京、上海、广州、成都的三甲医院医生专家团队提供和出具报告 — asked from 武汉: covered, and where it is held", async () => {
    const { data } = await server.request(CoverageDocument, { service: "MDT", place: "武汉" });
    expect(data?.coverage).toMatchObject({ covered: true, region: { code: "420100" } });
    expect(data?.coverage.heldIn.map((r) => r.name)).toEqual(["北京市", "上海市", "广州市", "成都市"]);
    expect(data?.coverage.note).toContain("须自理住宿及交通、餐饮等费用");
  });

  it.each([
    ["GREEN_CHANNEL", "襄樊", true, "420600", "湖北省"],
    ["GREEN_CHANNEL", "襄阳市", true, "420600", "湖北省"],
    ["GREEN_CHANNEL", "义乌", true, "330782", "浙江省"],
    ["GENE_TEST", "义乌", false, "330782", "浙江省"],
    ["MDT", "广州", true, "440100", "广东省"],
    ["FAMILY_DOCTOR", "拉萨", true, "540100", "西藏自治区"],
  ] as const)("%s at %s: covered %s", async (service, place, covered, code, province) => {
    const { data, errors } = await server.request(CoverageDocument, { service, place });
    expect(errors).toBeUndefined();
    expect(data?.coverage).toMatchObject({ service, query: place, covered, region: { code, province: { name: province } } });
    expect(data?.coverage.note).toBeTruthy();
  });

  it.each([
    // the five kinds of miss the handbook's printed names used to meet
    ["a lone 重庆 cell is the municipality", "INPATIENT_ADVANCE", "重庆", "500000", [], null],
    ["a district of 重庆", "INPATIENT_ADVANCE", "渝中区", "500103", [], null],
    ["a short form of an autonomous county", "INPATIENT_ADVANCE", "白沙", "469025", [], null],
    ["a province sharing its name with a listed city", "GREEN_CHANNEL", "吉林", "220200", ["220000"], "several readings"],
    ["an ambiguous short name: the listed reading", "INPATIENT_ADVANCE", "昌江", "469026", ["360202"], "several readings"],
  ] as const)("%s: %s %s", async (_name, service, place, code, candidates, note) => {
    const { data, errors } = await server.request(CoverageDocument, { service, place });
    expect(errors).toBeUndefined();
    expect(data?.coverage).toMatchObject({ covered: true, region: { code } });
    expect(data?.coverage.candidates.map((c) => c.code)).toEqual(candidates);
    if (note) expect(data?.coverage.note).toContain(note);
  });

  it.each([
    ["the printed form, kept as an alias", "复旦大学附属红房子医院", "复旦大学附属妇产科医院"],
    ["医学院 left out", "上海交通大学附属瑞金医院", "上海交通大学医学院附属瑞金医院"],
    ["医学院 inserted", "上海交通大学医学院附属瑞金医院", "上海交通大学医学院附属瑞金医院"],
    ["half-width brackets", "南方医院(南方医科大学附属第一医院)", "南方医院"],
    ["full-width digits", "３０１医院", "中国人民解放军总医院"],
    ["two names run together", "四川省医学科学院四川省人民医院", "四川省人民医院"],
  ])("finds a hospital by %s: %s", async (_name, search, name) => {
    const { data } = await server.request(HospitalsDocument, { filter: { search } });
    expect(data?.hospitals.edges.map((e) => e.node.name.zh)).toEqual([name]);
  });

  it("answers an unknown or ambiguous place with covered: false and a note, never an error", async () => {
    const unknown = await server.request(CoverageDocument, { service: "GREEN_CHANNEL", place: "亚特兰蒂斯" });
    expect(unknown.data?.coverage).toMatchObject({ covered: false, region: null });
    const ambiguous = await server.request(CoverageDocument, { service: "GREEN_CHANNEL", place: "朝阳区" });
    expect(ambiguous.data?.coverage.covered).toBe(false);
    expect(ambiguous.data?.coverage.note).toContain("110105");
    expect(ambiguous.data?.coverage.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(["110105", "220104"]));
  });

  it("lists covered regions per province", async () => {
    const { data } = await server.request(CoveredRegionsDocument, { service: "GENE_TEST", provinceCode: "420000" });
    expect(data?.coveredRegions.map((r) => r.name)).toEqual(["武汉市", "十堰市", "宜昌市", "襄阳市", "鄂州市", "荆门市", "荆州市", "恩施土家族苗族自治州"]);
    const chongqing = await server.request(CoveredRegionsDocument, { service: "INPATIENT_ADVANCE", provinceCode: "500000" });
    expect(chongqing.data?.coveredRegions.map((r) => r.name)).toEqual(["重庆市"]);
  });

  it("pages hospitals, filters them and refetches one by its global id", async () => {
    const mdt = await server.request(HospitalsDocument, { first: 50, filter: { service: "MDT" } });
    expect(mdt.data?.hospitals.totalCount).toBe(39);
    const guangzhou = await server.request(HospitalsDocument, { first: 50, filter: { service: "MDT", city: "广州" } });
    expect(guangzhou.data?.hospitals.totalCount).toBe(9);
    const japan = await server.request(HospitalsDocument, { first: 10, filter: { country: "JP" } });
    expect(japan.data?.hospitals).toMatchObject({ totalCount: 17, pageInfo: { hasNextPage: true } });
    const next = await server.request(HospitalsDocument, { first: 10, after: japan.data?.hospitals.pageInfo.endCursor, filter: { country: "JP" } });
    expect(next.data?.hospitals.edges).toHaveLength(7);
    const search = await server.request(HospitalsDocument, { filter: { search: "がん" } });
    expect(search.data?.hospitals.edges.map((e) => [e.node.name.ja, e.node.prefecture])).toEqual([
      ["国立がん研究センター 東病院", "千葉県"],
      ["神奈川県立がんセンター", "神奈川県"],
      ["がん研究会有明病院", "東京都"],
    ]);
    const alias = await server.request(HospitalsDocument, { filter: { search: "301医院" } });
    expect(alias.data?.hospitals.edges.map((e) => e.node.name.zh)).toEqual(["中国人民解放军总医院"]);
    const id = alias.data!.hospitals.edges[0]!.node.id;
    const node = await server.request(NodeByIdDocument, { id });
    expect(node.data?.node).toMatchObject({ id, name: { zh: "中国人民解放军总医院" } });
    const policyNode = await server.request(NodeByIdDocument, { id: Buffer.from("Policy:X").toString("base64url") });
    expect(policyNode.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
