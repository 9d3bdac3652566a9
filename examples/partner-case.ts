// A partner TPA's case, end to end: submit, complete the documents, review, approve, schedule,
// start, complete. Usage: npx tsx examples/partner-case.ts <graphql url> <api key> <policyNo>
import { pathToFileURL } from "node:url";
import { createClient } from "../clients/graphql-client.js";
import { PartnerAddDocumentsDocument, PartnerCaseDocument, PartnerSubmitCaseDocument, PartnerTransitionDocument, type CaseAction } from "../clients/sdk/graphql.js";

export async function walkGreenChannelCase(url: string, key: string, policyNo: string, log: (line: string) => void = console.log) {
  const request = createClient(url, key);
  const submitted = await request(PartnerSubmitCaseDocument, {
    input: { idempotencyKey: `example-${policyNo}-${Date.now()}`, policyNo, benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "襄阳" },
  });
  if (submitted.submitCase.userErrors.length) throw new Error(submitted.submitCase.userErrors.map((e) => e.code).join(", "));
  const c = submitted.submitCase.serviceCase!;
  log(`submitted ${c.status}; missing ${c.missingDocuments.join(", ") || "nothing"}`);
  const documents = await request(PartnerAddDocumentsDocument, {
    input: { caseId: c.id, documents: c.missingDocuments.map((kind) => ({ kind, reference: `dms://example/${kind}` })) },
  });
  let version = documents.addCaseDocuments.serviceCase!.version;
  log(`documents complete: ${documents.addCaseDocuments.serviceCase!.status}`);
  const steps: [CaseAction, string | undefined][] = [["START_REVIEW", undefined], ["APPROVE", undefined], ["SCHEDULE", shanghaiDay(documents.addCaseDocuments.serviceCase!.documentsCompletedAt!)], ["START", undefined], ["COMPLETE", undefined]];
  for (const [action, scheduledFor] of steps) {
    const moved = await request(PartnerTransitionDocument, { input: { caseId: c.id, action, expectedVersion: version, scheduledFor } });
    if (moved.transitionCase.userErrors.length) throw new Error(`${action}: ${moved.transitionCase.userErrors.map((e) => e.code).join(", ")}`);
    version = moved.transitionCase.serviceCase!.version;
    log(`${action} → ${moved.transitionCase.serviceCase!.status} (step ${moved.transitionCase.serviceCase!.step.order}: ${moved.transitionCase.serviceCase!.step.name.zh})`);
  }
  const final = await request(PartnerCaseDocument, { caseNo: c.caseNo });
  return final.serviceCase!;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [url, key, policyNo] = process.argv.slice(2);
  if (!url || !key || !policyNo) {
    console.error("usage: npx tsx examples/partner-case.ts <graphql url> <api key> <policyNo>");
    process.exit(2);
  }
  const result = await walkGreenChannelCase(url, key, policyNo);
  console.log(JSON.stringify(result.sla));
}

/**
 * A same-day appointment (the day the server completed the documents, in Shanghai), so that the
 * visit can be recorded in the same walk: a visit is recorded on its day or later (GREEN_CHANNEL.流程.4).
 */
function shanghaiDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}
