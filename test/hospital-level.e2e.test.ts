// The hospital a service names, checked through the graph: the green channel's 三级甲等公立医院普通部 and
// the advance's 二级及以上公立医院 against the insurer's hospital registry (the demo file, imported as
// an operator would), and Japan's accepting hospital against the listed hospitals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceHospitalRegistry } from "../src/db/hospital-registry-import.js";
import { readDemoHospitalRegistry } from "../src/reference/networks.js";
import { AddCaseDocumentsDocument, HospitalsDocument, SubmitCaseDocument, TransitionCaseDocument, type CaseAction, type SubmitCaseInput } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };

describe.each(testTargets())("hospital levels on %s", (kind) => {
  let server: TestServer;
  let seq = 0;
  const submit = (input: Omit<SubmitCaseInput, "idempotencyKey">) => server.request(SubmitCaseDocument, { input: { idempotencyKey: `hl-${kind}-${++seq}`, ...input } }, admin);
  const greenChannel = (hospitalName: string, department: string | null = "心血管内科") =>
    submit({ policyNo: "HL-1", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "武汉", hospitalName, department, dryRun: true });
  const advance = (hospitalName: string) =>
    submit({
      policyNo: "HL-1",
      benefit: "INPATIENT_ADVANCE_PAYMENT",
      applicant: "INSURED",
      place: "武汉",
      plannedAdmissionDate: "2026-03-20",
      usesSocialInsuranceSettlement: true,
      hospitalName,
      documents: (["OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT"] as const).map((kind) => ({ kind, reference: kind })),
      dryRun: true,
    });
  const errors = (answer: Awaited<ReturnType<typeof submit>>) => answer.data!.submitCase.userErrors.map((e) => [e.code, e.field]);
  const warnings = (answer: Awaited<ReturnType<typeof submit>>) => answer.data!.submitCase.eligibility?.warnings.map((w) => w.code) ?? [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    // The insurer's registry, imported as `npm run hospital:import` does (the demo file's made-up hospitals).
    await replaceHospitalRegistry(server.database.db, readDemoHospitalRegistry());
    await policyWithDiagnosis(server, "HL-1");
    await policyWithDiagnosis(server, "HL-2");
    await policyWithDiagnosis(server, "HL-JAPAN", "MALIGNANT_TUMOR", { benefits: ["JAPAN_TREATMENT"] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: a public 三级甲等 hospital's ordinary division passes, and the case keeps it", async () => {
    const dry = await greenChannel("示例市第一人民医院");
    expect(errors(dry)).toEqual([]);
    expect(dry.data?.submitCase.eligibility?.eligible).toBe(true);
    expect(warnings(dry)).not.toContain("HOSPITAL_NOT_VERIFIED");
    // By an alias, and for real this time (another policy: a dry run uses no quota, a case does).
    const real = await submit({ policyNo: "HL-2", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "武汉", hospitalName: "示例一院", department: "心血管内科" });
    expect(errors(real)).toEqual([]);
    expect(warnings(real)).not.toContain("HOSPITAL_NOT_VERIFIED");
    expect(real.data?.submitCase.serviceCase?.visit).toEqual({ careKind: null, hospitalName: "示例一院", department: "心血管内科" });
  });

  it("GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: a 二级 hospital the registry knows is refused, with the reason and the field", async () => {
    const answer = await greenChannel("示例区人民医院");
    expect(errors(answer)).toEqual([["HOSPITAL_GRADE_TOO_LOW", ["input", "hospitalName"]]]);
    expect(answer.data?.submitCase.userErrors[0]!.message.zh).toContain("三级甲等");
    expect(answer.data?.submitCase.eligibility).toMatchObject({ eligible: false, reasons: [{ code: "HOSPITAL_GRADE_TOO_LOW", date: null }] });
    // 三级乙等 is not 三级甲等 either.
    expect(errors(await greenChannel("示例大学附属第二医院"))).toEqual([["HOSPITAL_GRADE_TOO_LOW", ["input", "hospitalName"]]]);
  });

  it("GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: 国际部 and 特需 are not the ordinary division, nor is a private hospital public", async () => {
    expect(errors(await greenChannel("示例市第一人民医院国际医疗部"))).toEqual([["HOSPITAL_DIVISION_NOT_GENERAL", ["input", "hospitalName"]]]);
    expect(errors(await greenChannel("示例市中心医院", "特需门诊"))).toEqual([["HOSPITAL_DIVISION_NOT_GENERAL", ["input", "department"]]]);
    expect(errors(await greenChannel("和康医院"))).toEqual([
      ["HOSPITAL_GRADE_TOO_LOW", ["input", "hospitalName"]],
      ["HOSPITAL_NOT_PUBLIC", ["input", "hospitalName"]],
    ]);
  });

  it("GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: a hospital the registry does not know passes with a warning that it could not be verified", async () => {
    const answer = await greenChannel("未登记的某医院");
    expect(errors(answer)).toEqual([]);
    expect(answer.data?.submitCase.eligibility?.eligible).toBe(true);
    expect(warnings(answer)).toContain("HOSPITAL_NOT_VERIFIED");
  });

  it("ADVANCE.介绍.1 中国大陆境内二级及以上公立医院: a private hospital is refused; a public 二级 hospital passes; an unknown one warns", async () => {
    const priv = await advance("示例和康医院");
    expect(errors(priv)).toEqual([["HOSPITAL_NOT_PUBLIC", ["input", "hospitalName"]]]);
    expect(priv.data?.submitCase.userErrors[0]!.message).toEqual({ zh: "本服务仅限公立医院。", en: "This service is for public hospitals only." });
    expect(errors(await advance("示例社区卫生服务中心"))).toEqual([["HOSPITAL_GRADE_TOO_LOW", ["input", "hospitalName"]]]);
    const secondGrade = await advance("示例区人民医院");
    expect(errors(secondGrade)).toEqual([]);
    expect(warnings(secondGrade)).not.toContain("HOSPITAL_NOT_VERIFIED");
    expect(warnings(await advance("未登记的某医院"))).toContain("HOSPITAL_NOT_VERIFIED");
  });

  it("JAPAN.标准.2 服务医院范围：详见赴日医疗服务网络医院列表: the acceptance of a hospital not on the list is refused and nothing is written", async () => {
    const submitted = await submit({ policyNo: "HL-JAPAN", benefit: "JAPAN_TREATMENT", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] });
    expect(errors(submitted)).toEqual([]);
    let c = submitted.data!.submitCase.serviceCase!;
    const move = async (action: CaseAction, extra: Record<string, unknown> = {}) =>
      (await server.request(TransitionCaseDocument, { input: { caseId: c.id, action, expectedVersion: c.version, ...extra } }, admin)).data!.transitionCase;
    for (const action of ["START_REVIEW", "APPROVE", "NOTIFY_START"] as const) {
      const moved = await move(action);
      expect(moved.userErrors).toEqual([]);
      c = moved.serviceCase!;
    }
    // A hospital belongs to the acceptance only.
    expect((await move("ASSIGN_SPECIALIST", { hospitalName: "癌研有明医院" })).userErrors.map((e) => [e.code, e.field])).toEqual([["HOSPITAL_NOT_FOR_ACTION", ["input", "hospitalName"]]]);
    c = (await move("ASSIGN_SPECIALIST")).serviceCase!;
    const added = await server.request(AddCaseDocumentsDocument, { input: { caseId: c.id, documents: [{ kind: "HOSPITAL_ACCEPTANCE_LETTER", reference: "letter" }], expectedVersion: c.version } }, admin);
    c = added.data!.addCaseDocuments.serviceCase!;

    const notListed = await move("RECORD_HOSPITAL_ACCEPTANCE", { hospitalName: "東京都立駒込病院" });
    expect(notListed.userErrors.map((e) => [e.code, e.field])).toEqual([["ACCEPTING_HOSPITAL_NOT_LISTED", ["input", "hospitalName"]]]);
    expect(notListed.userErrors[0]!.message.zh).toBe("“東京都立駒込病院”不在赴日医疗服务网络医院列表内。");
    // An MDT hospital is a network hospital, but not of this service.
    const mdt = (await server.request(HospitalsDocument, { first: 1, filter: { service: "MDT" } })).data!.hospitals.edges[0]!.node;
    expect((await move("RECORD_HOSPITAL_ACCEPTANCE", { hospitalId: mdt.id })).userErrors.map((e) => [e.code, e.field])).toEqual([["ACCEPTING_HOSPITAL_NOT_LISTED", ["input", "hospitalId"]]]);
    expect((await move("RECORD_HOSPITAL_ACCEPTANCE")).userErrors.map((e) => [e.code, e.field])).toEqual([["ACCEPTING_HOSPITAL_REQUIRED", ["input", "hospitalId"]]]);

    // A listed hospital, by its Japanese name: accepted, and recorded on the case.
    const accepted = await move("RECORD_HOSPITAL_ACCEPTANCE", { hospitalName: "がん研究会有明病院" });
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.serviceCase).toMatchObject({ stage: { code: "AWAITING_VISA" }, version: c.version + 1, hospital: { name: { zh: "癌研有明医院" } } });
  });

  it("JAPAN.标准.2 服务医院范围：详见赴日医疗服务网络医院列表: a case submitted with a listed hospital is accepted there without naming it again", async () => {
    const listed = (await server.request(HospitalsDocument, { first: 1, filter: { service: "JAPAN_CARE", search: "山王" } })).data!.hospitals.edges[0]!.node;
    const submitted = await submit({
      policyNo: "HL-JAPAN",
      benefit: "JAPAN_TREATMENT",
      applicant: "INSURED",
      hospitalId: listed.id,
      documents: [
        { kind: "OUTPATIENT_RECORD", reference: "r" },
        { kind: "HOSPITAL_ACCEPTANCE_LETTER", reference: "letter" },
      ],
    });
    expect(errors(submitted)).toEqual([]);
    let c = submitted.data!.submitCase.serviceCase!;
    for (const action of ["START_REVIEW", "APPROVE", "NOTIFY_START", "ASSIGN_SPECIALIST", "RECORD_HOSPITAL_ACCEPTANCE"] as const) {
      const moved = (await server.request(TransitionCaseDocument, { input: { caseId: c.id, action, expectedVersion: c.version } }, admin)).data!.transitionCase;
      expect(moved.userErrors, action).toEqual([]);
      c = moved.serviceCase!;
    }
    expect(c).toMatchObject({ stage: { code: "AWAITING_VISA" }, hospital: { id: listed.id, name: { zh: "山王医院" } } });
  });
});
