// The peer: PostGraphile 5 (amber preset) on the benchmark database, the API a team would otherwise
// generate from these tables. Loaded from the cache folder bench/peer.ts installs it into (PEER_DIR),
// never from the project's own dependencies. One addition: a `policyNoPrefix` condition on
// policies, a range on policy_no that reads the unique index in order, for the console page (b).
//   PEER_DIR=… DATABASE_URL=… PORT=… GRAPHILE_ENV=production node --import tsx --import ./bench/promise-with-resolvers.ts bench/peer-server.ts
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { prefixUpperBound } from "./peer-answers.js";

// The peer's packages are not the project's: no types for them here.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Loose = any;
const load = createRequire(join(process.env.PEER_DIR!, "package.json"));
const { postgraphile } = load("postgraphile") as Loose;
const { PostGraphileAmberPreset } = load("postgraphile/presets/amber") as Loose;
const { makePgService } = load("postgraphile/adaptors/pg") as Loose;
const { grafserv } = load("postgraphile/grafserv/node") as Loose;
const { addPgTableCondition } = load("postgraphile/utils") as Loose;
const pg = load("pg") as Loose;

// The same pool size as the graph and the floor in the same run; every statement counted.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
let statements = 0;
pool.on("connect", (client: Loose) => {
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    statements++;
    return query(...args);
  };
});

const PolicyNoPrefix = addPgTableCondition(
  { schemaName: "public", tableName: "policy" },
  "policyNoPrefix",
  (build: Loose) => ({ description: "Policies whose number starts with this text.", type: build.graphql.GraphQLString }),
  (value: unknown, { sql, sqlTableAlias, sqlValueWithCodec, build }: Loose) => {
    if (typeof value !== "string" || value === "") return null;
    const text = build.dataplanPg.TYPES.text;
    return sql`(${sqlTableAlias}.policy_no >= ${sqlValueWithCodec(value, text)} and ${sqlTableAlias}.policy_no < ${sqlValueWithCodec(prefixUpperBound(value), text)})`;
  },
);

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  plugins: [PolicyNoPrefix],
  pgServices: [makePgService({ pool, schemas: ["public"] })],
  grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false },
});
await pgl.getSchemaResult();
const serv = pgl.createServ(grafserv);
const handle = serv.createHandler() as (req: IncomingMessage, res: ServerResponse) => void;
const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/statements") res.end(String(statements));
  else handle(req, res);
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
process.on("SIGTERM", () => {
  server.close();
  void Promise.resolve(pgl.release()).finally(() => void pool.end().finally(() => process.exit(0)));
});
