// GraphiQL served by the API itself, from the installed packages: no CDN, works offline.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

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

const EXAMPLES = [
  {
    title: "front end: entitlements",
    headers: '{ "authorization": "Bearer demo-insured-key-0001" }',
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
    headers: '{ "authorization": "Bearer <ADMIN_API_KEY or a PARTNER key>" }',
    query: `# A partner TPA: check and open a case. dryRun runs every rule and writes nothing.
mutation Submit {
  submitCase(input: {
    idempotencyKey: "demo-0001", policyNo: "DEMO-0001",
    benefit: GREEN_CHANNEL_OUTPATIENT, applicant: INSURED, place: "襄阳", dryRun: true
  }) {
    serviceCase { caseNo status missingDocuments }
    eligibility { eligible reasons { code date } warnings { code } }
    userErrors { code field message { zh en } }
  }
}`,
  },
  {
    title: "BI: case metrics",
    headers: '{ "authorization": "Bearer <an ANALYST key>" }',
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
    headers: "",
    query: `query Public {
  services { code name { zh en } benefits { code quota unlimited } steps { order name { zh } } slas { milestone workingDays upToWorkingDays } }
  coverage(service: GREEN_CHANNEL, place: "襄樊") { covered note region { code name province { name } } }
}`,
  },
];

export function graphiqlPage(): string {
  const tabs = JSON.stringify(EXAMPLES.map(({ query, headers }) => ({ query, headers }))).replace(/</g, "\\u003c");
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
  const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
  const root = ReactDOM.createRoot(document.getElementById("graphiql"));
  // The first tab's demo key also authenticates the schema introspection (anonymous callers may not introspect).
  root.render(React.createElement(GraphiQL, { fetcher, defaultTabs: tabs, headers: tabs[0].headers, defaultHeaders: tabs[0].headers, defaultEditorToolsVisibility: "headers", shouldPersistHeaders: true }));
</script>
</body>
</html>
`;
}
