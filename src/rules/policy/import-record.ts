// A record of the policy feed (JSON Lines or CSV with a header) read into the draft upsertPolicy
// validates, then validated by the same rules (validate-policy.ts): one truth for what a policy is.
// The feed only adds what GraphQL's types check for the API: present fields, types, dates, enums.
import { BENEFIT_CODES, type BenefitCode } from "../catalogue/codes.js";
import { isCalendarDate } from "../shared/dates.js";
import { problemMaker, type MessageTable } from "../shared/outcome-codes.js";
import type { Problem } from "../shared/problem.js";
import { POLICY_STATUSES, type PolicyStatus } from "./codes.js";
import { validatePolicy, type CleanPolicy, type PersonDraft, type PolicyDraft } from "./validate-policy.js";

export const IMPORT_RECORD_CODES = ["MALFORMED_RECORD", "MISSING_FIELD", "INVALID_TYPE", "INVALID_DATE", "UNKNOWN_STATUS", "UNKNOWN_BENEFIT"] as const;
export type ImportRecordCode = (typeof IMPORT_RECORD_CODES)[number];

export const IMPORT_RECORD_MESSAGES = {
  MALFORMED_RECORD: (v: { why: string }) => ({ zh: `记录无法解析：${v.why}`, en: `The record cannot be read: ${v.why}` }),
  MISSING_FIELD: () => ({ zh: "缺少必填字段。", en: "A required field is missing." }),
  INVALID_TYPE: (v: { expected: string }) => ({ zh: `字段类型错误，应为${v.expected}。`, en: `The field should be ${v.expected}.` }),
  INVALID_DATE: () => ({ zh: "日期须为有效的 YYYY-MM-DD。", en: "A date is a real day written YYYY-MM-DD." }),
  UNKNOWN_STATUS: () => ({ zh: `保单状态须为 ${POLICY_STATUSES.join("/")} 之一。`, en: `The status is one of ${POLICY_STATUSES.join(", ")}.` }),
  UNKNOWN_BENEFIT: (v: { benefit: string }) => ({ zh: `未知权益：${v.benefit}`, en: `No such benefit: ${v.benefit}` }),
} satisfies MessageTable<ImportRecordCode>;

export const importProblem = problemMaker(IMPORT_RECORD_MESSAGES);

/** The CSV header of the feed, in this order or any other (names are matched, not positions). */
export const CSV_COLUMNS = [
  "policyNo",
  "status",
  "effectiveFrom",
  "effectiveTo",
  "waitingPeriodEndsOn",
  "hasSocialInsurance",
  "insuredName",
  "insuredIdNumber",
  "insuredPhone",
  "insuredBirthDate",
  "policyholderName",
  "policyholderIdNumber",
  "policyholderPhone",
  "policyholderBirthDate",
  "benefits",
] as const;
export const CSV_REQUIRED_COLUMNS = ["policyNo", "status", "effectiveFrom", "effectiveTo", "waitingPeriodEndsOn", "hasSocialInsurance", "insuredName"] as const;

export type RecordResult = { readonly ok: true; readonly value: CleanPolicy } | { readonly ok: false; readonly problems: readonly Problem[] };

/** A JSON Lines line: an UpsertPolicyInput-shaped object. */
export function readJsonRecord(line: string, today: string): RecordResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, problems: [importProblem("MALFORMED_RECORD", [], { why: "not JSON" })] };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, problems: [importProblem("MALFORMED_RECORD", [], { why: "not a JSON object" })] };
  }
  return checkDraft(parsed as Record<string, unknown>, today);
}

/** A CSV row as named cells (the header's names); an empty cell is an absent value. */
export function readCsvRecord(cells: Readonly<Record<string, string>>, today: string): RecordResult {
  const cell = (name: string) => {
    const v = cells[name];
    return v === undefined || v === "" ? undefined : v;
  };
  const person = (prefix: string) => ({ name: cell(`${prefix}Name`), idNumber: cell(`${prefix}IdNumber`), phone: cell(`${prefix}Phone`), birthDate: cell(`${prefix}BirthDate`) });
  const social = cell("hasSocialInsurance");
  const benefits = cell("benefits");
  const record: Record<string, unknown> = {
    policyNo: cell("policyNo"),
    status: cell("status"),
    effectiveFrom: cell("effectiveFrom"),
    effectiveTo: cell("effectiveTo"),
    waitingPeriodEndsOn: cell("waitingPeriodEndsOn"),
    hasSocialInsurance: social === undefined ? undefined : social === "true" ? true : social === "false" ? false : social,
    insured: person("insured"),
    policyholder: cell("policyholderName") === undefined ? undefined : person("policyholder"),
    benefits: benefits === undefined ? undefined : benefits.split("|").map((b) => b.trim()),
  };
  return checkDraft(record, today);
}

/** Checks what GraphQL's input types would, then validates with upsertPolicy's rules. */
function checkDraft(record: Record<string, unknown>, today: string): RecordResult {
  const problems: Problem[] = [];
  const text = (value: unknown, field: string[], required: boolean): string | undefined => {
    if (value === undefined || value === null) {
      if (required) problems.push(importProblem("MISSING_FIELD", field));
      return undefined;
    }
    if (typeof value !== "string") {
      problems.push(importProblem("INVALID_TYPE", field, { expected: "text" }));
      return undefined;
    }
    return value;
  };
  const date = (value: unknown, field: string[], required: boolean): string | undefined => {
    const v = text(value, field, required);
    if (v !== undefined && !isCalendarDate(v)) {
      problems.push(importProblem("INVALID_DATE", field));
      return undefined;
    }
    return v;
  };
  const person = (value: unknown, field: string[]): PersonDraft | undefined => {
    if (value === undefined || value === null) {
      problems.push(importProblem("MISSING_FIELD", field));
      return undefined;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
      problems.push(importProblem("INVALID_TYPE", field, { expected: "an object" }));
      return undefined;
    }
    const p = value as Record<string, unknown>;
    const name = text(p.name, [...field, "name"], true);
    const idNumber = text(p.idNumber, [...field, "idNumber"], false);
    const phone = text(p.phone, [...field, "phone"], false);
    const birthDate = date(p.birthDate, [...field, "birthDate"], false);
    return name === undefined ? undefined : { name, idNumber: idNumber ?? null, phone: phone ?? null, birthDate: birthDate ?? null };
  };

  const policyNo = text(record.policyNo, ["policyNo"], true);
  const statusText = text(record.status, ["status"], true);
  let status: PolicyStatus | undefined;
  if (statusText !== undefined) {
    if ((POLICY_STATUSES as readonly string[]).includes(statusText)) status = statusText as PolicyStatus;
    else problems.push(importProblem("UNKNOWN_STATUS", ["status"]));
  }
  const effectiveFrom = date(record.effectiveFrom, ["effectiveFrom"], true);
  const effectiveTo = date(record.effectiveTo, ["effectiveTo"], true);
  const waitingPeriodEndsOn = date(record.waitingPeriodEndsOn, ["waitingPeriodEndsOn"], true);
  let hasSocialInsurance: boolean | undefined;
  if (record.hasSocialInsurance === undefined || record.hasSocialInsurance === null) problems.push(importProblem("MISSING_FIELD", ["hasSocialInsurance"]));
  else if (typeof record.hasSocialInsurance !== "boolean") problems.push(importProblem("INVALID_TYPE", ["hasSocialInsurance"], { expected: "true or false" }));
  else hasSocialInsurance = record.hasSocialInsurance;
  const insured = person(record.insured, ["insured"]);
  const policyholder = record.policyholder === undefined || record.policyholder === null ? null : person(record.policyholder, ["policyholder"]);
  let benefits: BenefitCode[] | null = null;
  if (record.benefits !== undefined && record.benefits !== null) {
    if (!Array.isArray(record.benefits)) problems.push(importProblem("INVALID_TYPE", ["benefits"], { expected: "a list of benefit codes" }));
    else {
      benefits = [];
      record.benefits.forEach((b: unknown, i) => {
        if (typeof b === "string" && (BENEFIT_CODES as readonly string[]).includes(b)) benefits!.push(b as BenefitCode);
        else problems.push(importProblem("UNKNOWN_BENEFIT", ["benefits", String(i)], { benefit: String(b) }));
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const draft: PolicyDraft = {
    policyNo: policyNo!,
    status: status!,
    effectiveFrom: effectiveFrom!,
    effectiveTo: effectiveTo!,
    waitingPeriodEndsOn: waitingPeriodEndsOn!,
    hasSocialInsurance: hasSocialInsurance!,
    insured: insured!,
    policyholder: policyholder ?? null,
    benefits,
  };
  const validated = validatePolicy(draft, today);
  if (!validated.ok) {
    // upsertPolicy's field paths start at its argument ("input"); a feed record is the input itself.
    return { ok: false, problems: validated.problems.map((p) => ({ ...p, field: p.field[0] === "input" ? p.field.slice(1) : p.field })) };
  }
  return validated;
}

/**
 * Splits one CSV record (RFC 4180: quoted cells, "" for a quote inside). `null` when a quote is
 * still open at the end: the record continues on the next line.
 */
export function splitCsvRecord(text: string): string[] | null {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
    i++;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}
