// GraphiQL served by the API itself, from the installed packages: no CDN, works offline.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DEMO_KEYS, DEMO_PARTNER, type DemoKey } from "../db/seed/seed-demo.js";
import { loadCalendar } from "../reference/calendar.js";
import { addWorkingDays } from "../rules/calendar/working-days.js";
import { addDays } from "../rules/shared/dates.js";

const require = createRequire(import.meta.url);
const fromPackage = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/** The only files served under /graphiql/: a fixed list, so no path from the URL reaches the disk. */
export const GRAPHIQL_ASSETS: Record<string, { path: string; type: string }> = {
  "react.production.min.js": { path: fromPackage("react", "umd/react.production.min.js"), type: "text/javascript" },
  "react-dom.production.min.js": { path: fromPackage("react-dom", "umd/react-dom.production.min.js"), type: "text/javascript" },
  "graphiql.min.js": { path: fromPackage("graphiql", "graphiql.min.js"), type: "text/javascript" },
  "graphiql.min.css": { path: fromPackage("graphiql", "graphiql.min.css"), type: "text/css" },
};

const assetCache = new Map<string, Buffer>();

export function graphiqlAsset(name: string): { body: Buffer; type: string } | null {
  const asset = GRAPHIQL_ASSETS[name];
  if (!asset) return null;
  let body = assetCache.get(name);
  if (!body) {
    body = readFileSync(asset.path);
    assetCache.set(name, body);
  }
  return { body, type: asset.type };
}

function bearer(role: DemoKey["role"]): string {
  const demo = DEMO_KEYS.find((k) => k.role === role)!;
  return JSON.stringify({ authorization: `Bearer ${demo.key}` });
}

export interface GraphiqlExample {
  readonly title: string;
  /** Operations to run in order: one for most tabs, the steps of a walk for some. */
  readonly operations: readonly string[];
  /** A word the answer must contain (the browser test checks it). */
  readonly expect: string;
  readonly headers: string;
  readonly variables?: string;
  readonly query: string;
}

/** The example tabs, each with the demo key it needs; `today` (Asia/Shanghai) dates the walk's admission. */
export function graphiqlExamples(today: string): GraphiqlExample[] {
  const admission = addWorkingDays(loadCalendar(), today, 10).date;
  // The loaded policy runs around today, so the example stays valid whenever it is run.
  const effectiveFrom = addDays(today, -120);
  return [
    {
      title: "front end: entitlements",
      operations: ["Entitlements"],
      expect: "GENE_TEST",
      headers: bearer("INSURED"),
      query: `# A front end: what may this insured use now, how much is left, why not, from when.
# (demo data: the key below sees DEMO-0001 and DEMO-0003)
query Entitlements {
  policy(policyNo: "DEMO-0003") {
    policyNo status waitingPeriodEndsOn
    insured { name idNumberMasked phoneMasked }
    entitlements {
      benefit quotaTotal used reserved remaining
      eligibility { eligible eligibleFrom reasons { code date message { zh en } } warnings { code } }
    }
  }
}`,
    },
    {
      title: "partner: submit a case (dry run)",
      operations: ["DryRun"],
      expect: "\"eligible\": true",
      headers: bearer("PARTNER"),
      query: `# A partner TPA (demo key: partner ${DEMO_PARTNER.code}): check a case. dryRun runs every rule and writes nothing.
mutation DryRun {
  submitCase(input: {
    idempotencyKey: "demo-dry-run", policyNo: "DEMO-0001",
    benefit: GREEN_CHANNEL_OUTPATIENT, applicant: INSURED, place: "襄阳", dryRun: true
  }) {
    serviceCase { caseNo status missingDocuments }
    eligibility { eligible reasons { code date } warnings { code } }
    userErrors { code field message { zh en } }
  }
}`,
    },
    {
      title: "partner: walk a case",
      operations: ["Submit", "AddDocuments", "Review", "Approve"],
      expect: "APPROVED",
      headers: bearer("PARTNER"),
      variables: JSON.stringify({ plannedAdmissionDate: admission }, null, 2),
      query: `# A partner TPA walks an advance-payment case: run Submit, AddDocuments, Review, Approve in turn
# (the Run button lists them). This page fills the variables a step leaves out: a fresh
# idempotencyKey for each Submit (so every walk is a new case), then caseId and expectedVersion
# from the case the previous answer carried. A client of its own passes them itself.
mutation Submit($idempotencyKey: String!, $plannedAdmissionDate: Date!) {
  submitCase(input: {
    idempotencyKey: $idempotencyKey, policyNo: "DEMO-0001", benefit: INPATIENT_ADVANCE_PAYMENT,
    applicant: INSURED, place: "襄阳", plannedAdmissionDate: $plannedAdmissionDate, usesSocialInsuranceSettlement: true
  }) {
    serviceCase { id caseNo status version missingDocuments step { order name { zh } } }
    eligibility { eligible reasons { code } warnings { code } }
    userErrors { code field message { zh en } }
  }
}

mutation AddDocuments($caseId: ID!, $expectedVersion: Int!) {
  addCaseDocuments(input: { caseId: $caseId, expectedVersion: $expectedVersion, documents: [
    { kind: OUTPATIENT_RECORD, reference: "dms://demo/outpatient-record" },
    { kind: ADMISSION_NOTICE, reference: "dms://demo/admission-notice" },
    { kind: DEPOSIT_RECEIPT, reference: "dms://demo/deposit-receipt" }
  ] }) {
    serviceCase { id status version documentsCompletedAt missingDocuments }
    userErrors { code field message { zh en } }
  }
}

mutation Review($caseId: ID!, $expectedVersion: Int!) {
  transitionCase(input: { caseId: $caseId, action: START_REVIEW, expectedVersion: $expectedVersion }) {
    serviceCase { id status version step { order name { zh } } }
    userErrors { code field message { zh en } }
  }
}

mutation Approve($caseId: ID!, $expectedVersion: Int!) {
  transitionCase(input: { caseId: $caseId, action: APPROVE, expectedVersion: $expectedVersion }) {
    serviceCase { id caseNo status version step { order name { zh } } sla { milestone dueOn state } }
    userErrors { code field message { zh en } }
  }
}`,
    },
    {
      title: "partner: webhook",
      operations: ["RegisterWebhook"],
      expect: "whsec_",
      headers: bearer("ADMIN"),
      query: `# Signed case events for partner ${DEMO_PARTNER.code}, sent to the example receiver on this machine.
# Copy the secret from the answer (shown once), then start the receiver with it:
#   WEBHOOK_SECRET=<secret> npx tsx examples/webhook-receiver.ts 8787
# and walk a case in the "partner: walk a case" tab. Each Run registers one more endpoint with
# a secret of its own; disableWebhook(id:) stops one.
mutation RegisterWebhook {
  registerWebhook(input: {
    partnerCode: "${DEMO_PARTNER.code}", url: "http://127.0.0.1:8787/",
    events: [CASE_SUBMITTED, CASE_DOCUMENTS_ADDED, CASE_STATUS_CHANGED, CASE_SLA_DUE_SOON, CASE_SLA_BREACHED]
  }) {
    webhook { id partnerCode url events secretHint }
    secret
    userErrors { code field message { zh en } }
  }
}`,
    },
    {
      title: "operations: load a policy",
      operations: ["LoadPolicy"],
      expect: "MALIGNANT_TUMOR",
      headers: bearer("OPERATOR"),
      query: `# Operations load policies and diagnoses; running it again updates the same policy.
mutation LoadPolicy {
  upsertPolicy(input: {
    policyNo: "DEMO-OPS-0001", status: ACTIVE,
    effectiveFrom: "${effectiveFrom}", effectiveTo: "${addDays(effectiveFrom, 364)}", waitingPeriodEndsOn: "${addDays(effectiveFrom, 89)}",
    insured: { name: "演示庚", idNumber: "11010519491231002X", phone: "13800138000" },
    hasSocialInsurance: true
  }) {
    policy { policyNo insured { idNumberMasked phoneMasked birthDate } }
    userErrors { code field message { zh en } }
  }
  recordDiagnosis(input: { policyNo: "DEMO-OPS-0001", category: MALIGNANT_TUMOR, firstDiagnosedOn: "${addDays(today, -10)}", icd10: "C34.1" }) {
    policy { diagnoses { category firstDiagnosedOn } }
    userErrors { code field message { zh en } }
  }
}`,
    },
    {
      title: "BI: case metrics",
      operations: ["Metrics"],
      expect: "caseMetrics",
      headers: bearer("ANALYST"),
      query: `# BI: volumes, SLA attainment and turnaround in working days.
query Metrics {
  caseMetrics(groupBy: [SERVICE, MONTH]) {
    keys { service month }
    cases open completed slaMet slaBreached slaAttainment medianWorkingDaysToComplete
  }
}`,
    },
    {
      title: "public: catalogue and networks",
      operations: ["Public"],
      expect: "FAMILY_DOCTOR",
      headers: "",
      query: `# Public data: no key needed.
query Public {
  services { code name { zh en } benefits { code quota unlimited } steps { order name { zh } } slas { milestone workingDays upToWorkingDays } }
  coverage(service: GREEN_CHANNEL, place: "襄樊") { covered note region { code name province { name } } }
}`,
    },
  ];
}

export function graphiqlPage(today: string): string {
  const tabs = JSON.stringify(graphiqlExamples(today).map(({ query, headers, variables }) => ({ query, headers, variables }))).replace(/</g, "\\u003c");
  const edition = createHash("sha256").update(tabs).digest("hex").slice(0, 12);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>health-services-graph · GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script>
  const tabs = ${tabs};
  const http = GraphiQL.createFetcher({ url: "/graphql", enableIncrementalDelivery: false });
  // Steps of a walk share one case: a variable an operation declares but the variables leave out is
  // filled here (a fresh idempotencyKey; caseId and expectedVersion of the last case answered).
  let lastCase = null;
  const declares = (query, name) => new RegExp("\\\\$" + name + "\\\\s*:").test(query);
  const remember = (value) => {
    if (!value || typeof value !== "object") return false;
    if (typeof value.id === "string" && typeof value.version === "number") {
      lastCase = { id: value.id, version: value.version };
      return true;
    }
    return Object.values(value).some(remember);
  };
  const fetcher = async (params, options) => {
    const variables = { ...(params.variables || {}) };
    const fill = {
      idempotencyKey: () => "demo-walk-" + Date.now() + "-" + Math.random().toString(36).slice(2, 8),
      caseId: () => lastCase && lastCase.id,
      expectedVersion: () => lastCase && lastCase.version,
    };
    for (const [name, make] of Object.entries(fill)) {
      if (variables[name] === undefined && declares(params.query || "", name)) {
        const value = make();
        if (value !== null && value !== undefined) variables[name] = value;
      }
    }
    const result = await http({ ...params, variables }, options);
    if (result && typeof result === "object" && "data" in result) remember(result.data);
    return result;
  };
  // Saved tabs belong to one edition of the examples (they carry keys and dates): a new edition,
  // e.g. the next day's admission date, starts from the examples again.
  const prefix = "hsg-${edition}:";
  for (const key of Object.keys(localStorage)) if ((key.startsWith("hsg-") || key.startsWith("graphiql:")) && !key.startsWith(prefix)) localStorage.removeItem(key);
  const storage = {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: (key) => localStorage.removeItem(prefix + key),
    get length() { return Object.keys(localStorage).filter((key) => key.startsWith(prefix)).length; },
    clear: () => { for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key); },
  };
  const root = ReactDOM.createRoot(document.getElementById("graphiql"));
  // The first tab's demo key also authenticates the schema introspection (anonymous callers may not introspect).
  root.render(React.createElement(GraphiQL, { fetcher, storage, defaultTabs: tabs, headers: tabs[0].headers, defaultHeaders: tabs[0].headers, defaultEditorToolsVisibility: "headers", shouldPersistHeaders: true }));
</script>
</body>
</html>
`;
}
