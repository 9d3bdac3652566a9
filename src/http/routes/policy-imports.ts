// POST /imports/policies?format=jsonl|csv&source=<name>: the policy feed over HTTP, for ADMIN keys.
// The body is streamed into the import as it arrives, bounded by its own limit (not the GraphQL
// body limit); the answer is the run's summary and its first rejects (all of them are counted in
// the run, readable as policyImports).
import type { Clock } from "../../context/clock.js";
import { shanghaiDate } from "../../context/clock.js";
import type { Database } from "../../db/client.js";
import { FeedFormatError, importPolicies, type ImportReject } from "../../db/policy-feed/import-policies.js";
import { InputTooLargeError, linesOf } from "../../db/policy-feed/lines.js";
import type { PiiProtector } from "../../security/pii-protector.js";
import { headerValue, sendJson } from "../respond.js";
import type { Route } from "../route.js";

/** 1 GiB: a few million policies. */
export const POLICY_UPLOAD_MAX_BYTES = 1 << 30;
const REJECTS_SHOWN = 1000;

export function policyImportRoute(deps: { db: Database; pii: PiiProtector; clock: Clock }, maxBytes = POLICY_UPLOAD_MAX_BYTES): Route {
  return {
    path: "/imports/policies",
    when: (req) => req.method === "POST",
    access: "json",
    async handle({ req, res, url, principal }) {
      if (!principal) return sendJson(res, 401, { error: "send Authorization: Bearer <an ADMIN key>" });
      if (principal.role !== "ADMIN") return sendJson(res, 403, { error: "policy imports are for ADMIN keys" });
      const declared = Number(headerValue(req, "content-length") ?? "0");
      if (declared > maxBytes) return sendJson(res, 413, { error: `the body is limited to ${maxBytes} bytes` });
      const formatParam = (url.searchParams.get("format") ?? (/csv/i.test(headerValue(req, "content-type") ?? "") ? "csv" : "jsonl")).toUpperCase();
      if (formatParam !== "JSONL" && formatParam !== "CSV") return sendJson(res, 400, { error: "format is jsonl or csv" });
      const source = (url.searchParams.get("source") ?? "upload").slice(0, 200);
      const rejects: ImportReject[] = [];
      let runId: string | null = null;
      try {
        const summary = await importPolicies(deps.db, {
          source,
          format: formatParam,
          lines: linesOf(req, maxBytes),
          pii: deps.pii,
          today: shanghaiDate(deps.clock.now()),
          onStart: (id) => (runId = id),
          onReject: (r) => void (rejects.length < REJECTS_SHOWN && rejects.push(r)),
        });
        sendJson(res, 200, { import: summary, rejects, rejectsShown: rejects.length < summary.rejected ? rejects.length : undefined });
      } catch (error) {
        if (error instanceof InputTooLargeError) {
          req.resume();
          return sendJson(res, 413, { error: `${error.message}; the batches before it are committed`, importId: runId });
        }
        if (error instanceof FeedFormatError) return sendJson(res, 400, { error: error.message, importId: runId });
        throw error;
      }
    },
  };
}
