import type { Context } from "../../context/context.js";
import { listPolicyImports } from "../../db/policy-feed/import-policies.js";
import type { PolicyImport, PolicyImportStatus } from "../../schema/policy-import/policy-import.type.js";

export async function listRuns(ctx: Context, first: number | null): Promise<PolicyImport[]> {
  const rows = await listPolicyImports(ctx.db, Math.min(100, Math.max(1, first ?? 20)));
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    format: r.format,
    status: r.status as PolicyImportStatus,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    read: r.read,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    committedLine: r.committedLine,
  }));
}
