// Pure pieces of the side-by-side run with the peer (PostGraphile): the prefix range, the answers
// of both APIs brought to one shape so that they can be compared, and the per-round arithmetic.

/**
 * The least string above every string that starts with `prefix` (code-point order, which is the
 * order of the database's C.UTF-8 collation): the last code point raised by one.
 * `policy_no >= prefix and policy_no < prefixUpperBound(prefix)` is then a range on the unique index.
 */
export function prefixUpperBound(prefix: string): string {
  const points = [...prefix];
  const last = points.pop();
  if (last === undefined) throw new Error("an empty prefix has no upper bound");
  const code = last.codePointAt(0)!;
  // U+10FFFF cannot be raised: drop it and raise the one before.
  return code === 0x10ffff ? prefixUpperBound(points.join("")) : points.join("") + String.fromCodePoint(code + 1);
}

interface EntitlementRow {
  readonly benefit?: string;
  readonly benefitCode?: string;
  readonly quotaTotal: number | null;
  readonly used: number;
  readonly reserved: number;
}

/** Entitlement rows as text, sorted; the graph also lists benefits the policy has no quota for, which carry no row. */
function entitlementLines(rows: readonly EntitlementRow[]): string[] {
  return rows
    .filter((e) => e.quotaTotal !== 0 || e.used > 0)
    .map((e) => `${e.benefit ?? e.benefitCode}:${e.quotaTotal}:${e.used}:${e.reserved}`)
    .sort();
}

export interface GraphEntitlements {
  policy: {
    policyNo: string;
    status: string;
    insured: { name: string; idNumberMasked: string | null; phoneMasked: string | null };
    diagnoses: { category: string; firstDiagnosedOn: string }[];
    entitlements: EntitlementRow[];
  } | null;
}

export interface PeerEntitlements {
  policyByPolicyNo: {
    policyNo: string;
    status: string;
    personByInsuredId: { name: string; idNumberMasked: string | null; phoneMasked: string | null };
    diagnosesByPolicyId: { nodes: { category: string; firstDiagnosedOn: string }[] };
    entitlementsByPolicyId: { nodes: EntitlementRow[] };
  } | null;
}

/** Operation (a) from the graph, in the shape both answers are compared in. */
export function graphEntitlementsAnswer(data: GraphEntitlements): unknown {
  const p = data.policy;
  if (!p) return null;
  return {
    policyNo: p.policyNo,
    status: p.status,
    insured: { name: p.insured.name, idNumberMasked: p.insured.idNumberMasked, phoneMasked: p.insured.phoneMasked },
    diagnoses: p.diagnoses.map((d) => `${d.category}:${d.firstDiagnosedOn}`).sort(),
    entitlements: entitlementLines(p.entitlements),
  };
}

/** Operation (a) from PostGraphile, in the same shape. */
export function peerEntitlementsAnswer(data: PeerEntitlements): unknown {
  const p = data.policyByPolicyNo;
  if (!p) return null;
  const i = p.personByInsuredId;
  return {
    policyNo: p.policyNo,
    status: p.status,
    insured: { name: i.name, idNumberMasked: i.idNumberMasked, phoneMasked: i.phoneMasked },
    diagnoses: p.diagnosesByPolicyId.nodes.map((d) => `${d.category}:${d.firstDiagnosedOn}`).sort(),
    entitlements: entitlementLines(p.entitlementsByPolicyId.nodes),
  };
}

interface CaseRow {
  readonly caseNo: string;
  readonly status: string;
  readonly benefit?: string;
  readonly benefitCode?: string;
  readonly submittedAt: string;
}

/** A case as text; the instant compared as milliseconds, as each API writes its own offset. */
const caseLine = (c: CaseRow) => `${c.caseNo}:${c.status}:${c.benefit ?? c.benefitCode}:${Date.parse(c.submittedAt)}`;

export interface GraphConsolePage {
  policies: { edges: { node: { policyNo: string; status: string; entitlements: EntitlementRow[]; cases: { edges: { node: CaseRow }[] } } }[] };
}

export interface PeerConsolePage {
  allPolicies: { nodes: { policyNo: string; status: string; entitlementsByPolicyId: { nodes: EntitlementRow[] }; serviceCasesByPolicyId: { nodes: CaseRow[] } }[] };
}

/** Operation (b) from the graph: the page in order, each policy's cases in order. */
export function graphConsolePageAnswer(data: GraphConsolePage): unknown {
  return data.policies.edges.map(({ node: p }) => ({
    policyNo: p.policyNo,
    status: p.status,
    entitlements: entitlementLines(p.entitlements),
    cases: p.cases.edges.map((e) => caseLine(e.node)),
  }));
}

/** Operation (b) from PostGraphile, in the same shape. */
export function peerConsolePageAnswer(data: PeerConsolePage): unknown {
  return data.allPolicies.nodes.map((p) => ({
    policyNo: p.policyNo,
    status: p.status,
    entitlements: entitlementLines(p.entitlementsByPolicyId.nodes),
    cases: p.serviceCasesByPolicyId.nodes.map(caseLine),
  }));
}

/** Undefined when the two answers are equal, else the first place they differ. */
export function answerDifference(graph: unknown, peer: unknown, path = "$"): string | undefined {
  if (Array.isArray(graph) && Array.isArray(peer)) {
    for (let i = 0; i < Math.max(graph.length, peer.length); i++) {
      const d = answerDifference(graph[i], peer[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (graph && peer && typeof graph === "object" && typeof peer === "object" && !Array.isArray(graph) && !Array.isArray(peer)) {
    const keys = new Set([...Object.keys(graph), ...Object.keys(peer)]);
    for (const key of [...keys].sort()) {
      const d = answerDifference((graph as Record<string, unknown>)[key], (peer as Record<string, unknown>)[key], `${path}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(graph, peer) ? undefined : `${path}: graph ${JSON.stringify(graph)}, PostGraphile ${JSON.stringify(peer)}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The order of the targets in round `round`: each goes first, second and third in turn. */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const k = ((round % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
