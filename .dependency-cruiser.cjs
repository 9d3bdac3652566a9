// The layers of src/ and the directions they may import in (`npm run lint:layers`, run by CI).
// A module may import from its own layer and from the layers before it in LAYERS, never from a
// later one; no import cycles anywhere. docs/decisions/0020-layers-enforced.md explains the order.
/** @type {ReadonlyArray<{ name: string; path: string; what: string }>} */
const LAYERS = [
  { name: "rules", path: "^src/rules/", what: "pure decisions and their tables: no I/O (but the handbook's own words, read once from data/handbook by src/rules/handbook/clauses.ts), no GraphQL, no database" },
  { name: "logging", path: "^src/logging/", what: "the logger and how an error is written to it" },
  { name: "security", path: "^src/security/", what: "JWT verification, PII encryption, secrets" },
  { name: "config", path: "^src/config/", what: "the environment read into a typed configuration" },
  { name: "reference", path: "^src/reference/", what: "reviewed data files read from data/ (calendar, networks, handbook)" },
  { name: "schema", path: "^src/schema/", what: "the GraphQL types (type-graphql classes), no resolvers" },
  { name: "db", path: "^src/db/", what: "tables, migrations, queries, seeds" },
  { name: "context", path: "^src/context/", what: "the per-request context: principal, clock, loaders" },
  { name: "services", path: "^src/services/", what: "computations shared by several edges, returning result values" },
  { name: "resolvers", path: "^src/resolvers/", what: "the graph's fields and mutation flows" },
  { name: "graph", path: "^src/graph/", what: "the schema assembled from every resolver" },
  { name: "edges", path: "^src/(http|webhooks)/", what: "HTTP routes; webhook and SLA workers (siblings: see the rule below)" },
  { name: "runtime", path: "^src/(runtime\\.ts|process/)", what: "wiring everything together; signals and shutdown" },
  { name: "server", path: "^src/server\\.ts$", what: "the process entry point" },
];

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `${layer.name}-imports-upward`,
  comment: `${layer.name} (${layer.what}) may import only from: ${LAYERS.slice(0, index + 1).map((l) => l.name).join(", ")}`,
  severity: "error",
  from: { path: layer.path },
  to: { path: LAYERS.slice(index + 1).map((l) => l.path) },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: "no-circular",
      comment: "an import cycle: split the shared part out into the lower module",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "edges-are-siblings",
      comment: "HTTP and the webhook workers are separate edges: what both need lives in a lower layer",
      severity: "error",
      from: { path: "^src/http/" },
      to: { path: "^src/webhooks/" },
    },
    {
      name: "workers-are-not-http",
      comment: "HTTP and the webhook workers are separate edges: what both need lives in a lower layer",
      severity: "error",
      from: { path: "^src/webhooks/" },
      to: { path: "^src/http/" },
    },
    {
      name: "resolver-classes-only-in-graph",
      comment:
        "a *.resolver.ts file holds a resolver class, for src/graph to assemble; shared functions live beside it (present-*.ts, find-*.ts). A warning while modules of other features still import serviceView from catalogue/service.resolver.ts",
      severity: "warn",
      from: { path: "^src/", pathNot: "^src/graph/" },
      to: { path: "\\.resolver\\.ts$" },
    },
    {
      name: "no-unplaced-folder",
      comment: "every module of src/ belongs to a layer: add a new folder to LAYERS in .dependency-cruiser.cjs",
      severity: "error",
      from: { path: "^src/", pathNot: LAYERS.map((l) => l.path) },
      to: {},
    },
    {
      name: "not-to-unresolvable",
      comment: "an import that does not resolve",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json"],
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },

};
