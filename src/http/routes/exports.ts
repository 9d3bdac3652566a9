// GET /exports/case-metrics.csv?groupBy=SERVICE,MONTH[&services=…&submittedFrom=…&submittedTo=…&provinceCodes=…&partnerCodes=…&asOf=…]
// UTF-8 with a BOM so spreadsheet tools read Chinese; written row by row. ANALYST, OPERATOR, ADMIN.
import type { ServerResponse } from "node:http";
import { shanghaiDate, type Clock } from "../../context/clock.js";
import type { Database } from "../../db/client.js";
import type { Principal } from "../../rules/access/roles.js";
import { SERVICE_CODES, type ServiceCode } from "../../rules/catalogue/codes.js";
import { isCalendarDate } from "../../rules/shared/dates.js";
import { CASE_METRIC_DIMENSIONS, type CaseMetricDimension } from "../../schema/metrics/case-metrics.type.js";
import { computeCaseMetrics } from "../../services/case-metrics.js";
import { sendJson } from "../respond.js";
import type { Route } from "../route.js";

const COLUMNS = ["service", "benefit", "status", "provinceCode", "cityCode", "month", "partnerCode", "slaState"] as const;
const MEASURES = ["cases", "open", "completed", "slaMet", "slaBreached", "slaAttainment", "medianWorkingDaysToComplete", "p90WorkingDaysToComplete"] as const;
/** Keys added later, after the measures, so that readers taking columns by position keep working. */
const LATER_COLUMNS = ["clock"] as const;

/**
 * One CSV cell. Text a spreadsheet would compute (starting with =, +, -, @, a tab or a carriage
 * return: a partner code "-2-1" would become -3) is kept as text with a leading apostrophe;
 * numbers are written as they are.
 */
export const cell = (value: unknown) => {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The export's route: authenticated and counted like /graphql; a refusal is `{ error }`. */
export function exportsRoute(readDb: () => Database, clock: Clock): Route {
  return {
    path: "/exports/case-metrics.csv",
    access: "json",
    async handle({ res, url, principal }) {
      const outcome = await exportCaseMetrics(readDb(), principal, shanghaiDate(clock.now()), url.searchParams, res);
      if (outcome) sendJson(res, outcome.status, { error: outcome.message });
    },
  };
}

type ExportOutcome = { status: number; message: string } | null;

async function exportCaseMetrics(db: Database, principal: Principal | null, today: string, params: URLSearchParams, res: ServerResponse): Promise<ExportOutcome> {
  if (!principal) return { status: 401, message: "send Authorization: Bearer <an ANALYST key>" };
  if (!["ANALYST", "OPERATOR", "ADMIN"].includes(principal.role)) return { status: 403, message: "case metrics are for ANALYST, OPERATOR and ADMIN" };
  const groupBy = (params.get("groupBy") ?? "").split(",").filter(Boolean);
  const unknown = groupBy.filter((d) => !(CASE_METRIC_DIMENSIONS as readonly string[]).includes(d));
  if (unknown.length) return { status: 400, message: `unknown groupBy: ${unknown.join(", ")} (use ${CASE_METRIC_DIMENSIONS.join(", ")})` };
  const from = params.get("submittedFrom");
  const to = params.get("submittedTo");
  const asOf = params.get("asOf");
  for (const [name, value] of [["submittedFrom", from], ["submittedTo", to], ["asOf", asOf]] as const) {
    if (value !== null && !isCalendarDate(value)) return { status: 400, message: `${name} must be YYYY-MM-DD` };
  }
  const list = (name: string) => params.get(name)?.split(",").filter(Boolean) ?? null;
  const services = list("services");
  const unknownServices = (services ?? []).filter((s) => !(SERVICE_CODES as readonly string[]).includes(s));
  if (unknownServices.length) return { status: 400, message: `unknown services: ${unknownServices.join(", ")}` };
  const result = await computeCaseMetrics(db, today, groupBy as CaseMetricDimension[], {
    services: services as ServiceCode[] | null,
    submittedFrom: from,
    submittedTo: to,
    provinceCodes: list("provinceCodes"),
    partnerCodes: list("partnerCodes"),
    asOf,
  });
  if (!result.ok) return { status: 400, message: result.refusal.message };
  res.statusCode = 200;
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader("content-disposition", 'attachment; filename="case-metrics.csv"');
  res.write(`\uFEFF${[...COLUMNS, ...MEASURES, ...LATER_COLUMNS].join(",")}\r\n`);
  for (const row of result.rows) {
    const line = [...COLUMNS.map((c) => cell(row.keys[c])), ...MEASURES.map((m) => cell(row[m])), ...LATER_COLUMNS.map((c) => cell(row.keys[c]))].join(",");
    if (!res.write(`${line}\r\n`)) await new Promise((resolve) => res.once("drain", resolve));
  }
  res.end();
  return null;
}
