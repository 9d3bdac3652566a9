// Run as its own process (`node --expose-gc --import tsx test/support/promoted-bytes.ts <what>`) by
// test/young-generation.test.ts: how many bytes of old generation each unit of work leaves behind
// once two young-generation collections have run, printed as one number. Work whose objects all
// die young leaves next to none; work that something in the old generation points into (an accessor
// made per request, docs/decisions/0101-no-accessors-made-per-request.md) is promoted whole.
import { ApolloServer, HeaderMap } from "@apollo/server";
import { buildSchema } from "graphql";
import { getHeapSpaceStatistics } from "node:v8";
import { compiledExecutorGateway } from "../../src/http/compiled-executor.js";
import { Connection } from "../../src/resolvers/shared/pagination.js";

const gc = (globalThis as { gc?: (options?: { type: "minor" | "major" }) => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const oldSpaceUsed = () => getHeapSpaceStatistics().find((space) => space.space_name === "old_space")!.space_used_size;

/** Old-generation bytes a call of `work` leaves behind, over `times` calls after as many untimed. */
async function promotedPerCall(work: (i: number) => Promise<unknown> | unknown, times: number): Promise<number> {
  for (let i = 0; i < times; i++) await work(i);
  gc!({ type: "major" });
  const before = oldSpaceUsed();
  for (let i = 0; i < times; i++) await work(i);
  gc!({ type: "minor" });
  gc!({ type: "minor" });
  return (oldSpaceUsed() - before) / times;
}

/** What a request makes: a payload of small objects, as a page of rows is. */
const payload = (i: number) => Array.from({ length: 100 }, (_, k) => ({ k, i, s: `row ${k}` }));

const what = process.argv[2];
if (what === "apollo") {
  // A request through Apollo's pipeline and the graph's executor (the gateway the server uses).
  const schema = buildSchema(`type Query { rows(n: Int!): [Row!]! } type Row { k: Int! s: String! }`);
  schema.getQueryType()!.getFields().rows!.resolve = (_root, args: { n: number }) => payload(args.n);
  const apollo = new ApolloServer({ gateway: compiledExecutorGateway(schema) });
  await apollo.start();
  const headers = new HeaderMap([["content-type", "application/json"]]);
  const request = async (i: number) => {
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body: { query: "query Rows($n: Int!) { rows(n: $n) { k s } }", variables: { n: i } } },
      context: async () => ({ i }),
    });
    if (response.body.kind !== "complete" || !response.body.string.includes('"rows"')) throw new Error("no answer");
  };
  process.stdout.write(`${await promotedPerCall(request, 500)}\n`);
  await apollo.stop();
} else if (what === "connection") {
  // A page whose total is counted on demand, its count holding the request's rows.
  const page = (i: number) => {
    const rows = payload(i);
    const connection = new Connection(rows, { hasNextPage: false }, async () => rows.length);
    return connection.edges.length;
  };
  process.stdout.write(`${await promotedPerCall(page, 2000)}\n`);
} else {
  throw new Error(`unknown work ${what}`);
}
