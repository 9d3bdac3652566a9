// The catalogue through the graph, on every database target: what front ends render.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/driver/rows.js";
import { CalendarDocument, HandbookDocument, ServiceByCodeDocument, ServicesDocument } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

describe.each(testTargets())("catalogue on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lists the seven services in the handbook's order, anonymously", async () => {
    const { status, data, errors } = await server.request(ServicesDocument);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data?.services.map((s) => [s.code, s.name.zh, s.steps.length])).toEqual([
      ["FAMILY_DOCTOR", "家庭医生", 2],
      ["GREEN_CHANNEL", "就医绿色通道", 4],
      ["INPATIENT_ADVANCE", "住院垫付服务", 6],
      ["SECOND_OPINION", "国内第二诊疗意见", 5],
      ["MDT", "MDT 多学科会诊", 5],
      ["GENE_TEST", "靶向药基因检测", 6],
      ["JAPAN_CARE", "赴日就医协助", 12],
    ]);
  });

  it("gives every benefit its quota, unlimited ones without a number", async () => {
    const { data } = await server.request(ServicesDocument);
    const benefits = data!.services.flatMap((s) => s.benefits.map((b) => [s.code, b.code, b.quota, b.unlimited, b.standard]));
    expect(benefits).toEqual([
      ["FAMILY_DOCTOR", "FAMILY_DOCTOR", null, true, true],
      ["GREEN_CHANNEL", "GREEN_CHANNEL_OUTPATIENT", 1, false, true],
      ["GREEN_CHANNEL", "GREEN_CHANNEL_INPATIENT_OR_SURGERY", 1, false, true],
      ["INPATIENT_ADVANCE", "INPATIENT_ADVANCE_PAYMENT", null, true, true],
      ["SECOND_OPINION", "SECOND_OPINION", 1, false, true],
      ["MDT", "MDT_CONSULTATION", 1, false, true],
      ["GENE_TEST", "GENE_TEST", 1, false, true],
      ["JAPAN_CARE", "JAPAN_TREATMENT", 10, false, false],
    ]);
  });

  it("carries the working-day SLAs with their sources and bilingual texts", async () => {
    const { data } = await server.request(ServicesDocument);
    const slas = Object.fromEntries(data!.services.map((s) => [s.code, s.slas.map((r) => [r.workingDays, r.upToWorkingDays ?? null])]));
    expect(slas.FAMILY_DOCTOR).toEqual([]);
    expect(slas.GREEN_CHANNEL).toEqual([
      [5, null],
      [10, null],
    ]);
    expect(slas.GENE_TEST).toEqual([[15, null]]);
    expect(slas.MDT).toContainEqual([5, 10]);
    expect(slas.JAPAN_CARE).toEqual(expect.arrayContaining([[2, null], [1, null], [40, null]]));
    for (const service of data!.services) {
      expect(service.name.en, service.code).toBeTruthy();
      expect(service.description.zh.length, service.code).toBeGreaterThan(10);
      for (const rule of service.slas) {
        expect(rule.startsWhen.en, `${service.code} ${rule.milestone}`).toBeTruthy();
        expect(rule.benefits.length).toBeGreaterThan(0);
      }
      for (const note of service.notes) expect(note.en, service.code).toBeTruthy();
      expect(service.steps.map((s) => s.order)).toEqual(service.steps.map((_, i) => i + 1));
    }
  });

  it("shows the handbook's notice and each service's conditions and standards as printed", async () => {
    const notice = await server.request(HandbookDocument, {});
    expect(notice.data?.handbook.disclaimer.map((d) => d.zh).join("")).toContain("不构成保险合同的一部分");
    const gene = await server.request(ServiceByCodeDocument, { code: "GENE_TEST" });
    expect(gene.data?.service?.hours?.zh).toBe("7x24小时(含公共节假日、春节)");
    expect(gene.data?.service?.conditions.map((c) => c.zh).join("")).toContain("病理切片、外周血、活检组织或唾液");
    const second = await server.request(ServiceByCodeDocument, { code: "SECOND_OPINION" });
    expect(second.data?.service?.standards.map((c) => c.zh)).toContain("提供本服务的医生资源覆盖全国三级甲等医院副主任及以上级别；");
  });

  it("answers service(code), and null is not possible for a valid code", async () => {
    const { data } = await server.request(ServiceByCodeDocument, { code: "GREEN_CHANNEL" });
    expect(data?.service?.benefits.map((b) => b.code)).toEqual(["GREEN_CHANNEL_OUTPATIENT", "GREEN_CHANNEL_INPATIENT_OR_SURGERY"]);
    expect(data?.service?.steps[0]?.name.zh).toBe("申请服务");
  });

  it("rejects an unknown service code as a validation error, not a 500", async () => {
    const { status, json } = await server.post(JSON.stringify({ query: "{ service(code: DENTIST) { code } }" }));
    expect(status).toBe(400);
    expect(JSON.stringify(json)).toContain("GRAPHQL_VALIDATION_FAILED");
  });

  it("mirrors the catalogue into the reference tables the database keys on", async () => {
    const rows = await queryRows<{ code: string; service_code: string; quota: number | null }>(
      server.database.db,
      sql`select code, service_code, quota from benefit order by code`,
    );
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.code === "JAPAN_TREATMENT")).toEqual({ code: "JAPAN_TREATMENT", service_code: "JAPAN_CARE", quota: 10 });
    expect(rows.find((r) => r.code === "FAMILY_DOCTOR")?.quota).toBeNull();
  });
});

describe("calendar through the graph", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers the 2025 National Day week anonymously", async () => {
    const { data, errors } = await server.request(CalendarDocument, { from: "2025-09-27", to: "2025-10-11" });
    expect(errors).toBeUndefined();
    const working = data!.calendar.filter((d) => d.workingDay).map((d) => d.date);
    expect(working).toEqual(["2025-09-28", "2025-09-29", "2025-09-30", "2025-10-09", "2025-10-10", "2025-10-11"]);
    expect(data!.calendar.every((d) => !d.provisional)).toBe(true);
  });

  it("marks a year without a published schedule provisional", async () => {
    const { data } = await server.request(CalendarDocument, { from: "2031-01-01", to: "2031-01-02" });
    expect(data?.calendar).toEqual([
      { date: "2031-01-01", workingDay: true, holiday: null, provisional: true },
      { date: "2031-01-02", workingDay: true, holiday: null, provisional: true },
    ]);
  });

  it.each([
    ["a range over 366 days", { from: "2025-01-01", to: "2026-01-03" }, "BAD_USER_INPUT"],
    ["a backwards range", { from: "2025-02-01", to: "2025-01-01" }, "BAD_USER_INPUT"],
    ["an impossible date", { from: "2025-02-30", to: "2025-03-01" }, "BAD_USER_INPUT"],
  ])("refuses %s", async (_name, variables, code) => {
    const { errors } = await server.request(CalendarDocument, variables);
    expect(errors?.[0]?.extensions?.code).toBe(code);
  });
});
