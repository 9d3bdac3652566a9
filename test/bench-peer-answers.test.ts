// The pure pieces of the side-by-side benchmark with PostGraphile: no PostGraphile needed here.
import { describe, expect, it } from "vitest";
import {
  answerDifference,
  graphConsolePageAnswer,
  graphEntitlementsAnswer,
  median,
  peerConsolePageAnswer,
  peerEntitlementsAnswer,
  prefixUpperBound,
  rotate,
} from "../bench/peer-answers.js";

describe("the peer benchmark's helpers", () => {
  it("bounds a prefix from above by raising its last code point", () => {
    expect(prefixUpperBound("BP00001")).toBe("BP00002");
    expect(prefixUpperBound("BP0000z")).toBe("BP0000{");
    expect(prefixUpperBound("保单")).toBe("保卖");
    expect(prefixUpperBound("A\u{10FFFF}")).toBe("B");
    expect(() => prefixUpperBound("")).toThrow();
    // Every string that starts with the prefix lies in [prefix, bound).
    for (const s of ["BP00001", "BP00001000", "BP00001999", "BP00001\u{10FFFF}"]) expect(s >= "BP00001" && s < prefixUpperBound("BP00001")).toBe(true);
    expect("BP00002000" < prefixUpperBound("BP00001")).toBe(false);
  });

  const graphA = {
    policy: {
      policyNo: "BP1",
      status: "ACTIVE",
      insured: { name: "甲", idNumberMasked: "3101********0004", phoneMasked: "139****0000" },
      diagnoses: [{ category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2026-09-20" }],
      entitlements: [
        { benefit: "GENE_TEST", quotaTotal: 1, used: 0, reserved: 0 },
        { benefit: "FAMILY_DOCTOR", quotaTotal: null, used: 1, reserved: 0 },
        { benefit: "JAPAN_TREATMENT", quotaTotal: 0, used: 0, reserved: 0 },
      ],
    },
  };
  const peerA = {
    policyByPolicyNo: {
      policyNo: "BP1",
      status: "ACTIVE",
      personByInsuredId: { name: "甲", idNumberMasked: "3101********0004", phoneMasked: "139****0000" },
      diagnosesByPolicyId: { nodes: [{ category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2026-09-20" }] },
      entitlementsByPolicyId: {
        nodes: [
          { benefitCode: "FAMILY_DOCTOR", quotaTotal: null, used: 1, reserved: 0 },
          { benefitCode: "GENE_TEST", quotaTotal: 1, used: 0, reserved: 0 },
        ],
      },
    },
  };

  it("finds (a) equal across the two shapes, and says where it is not", () => {
    expect(answerDifference(graphEntitlementsAnswer(graphA), peerEntitlementsAnswer(peerA))).toBeUndefined();
    const used = structuredClone(peerA);
    used.policyByPolicyNo.entitlementsByPolicyId.nodes[1]!.used = 1;
    expect(answerDifference(graphEntitlementsAnswer(graphA), peerEntitlementsAnswer(used))).toMatch(/^\$\.entitlements\[1\]: graph "GENE_TEST:1:0:0", PostGraphile "GENE_TEST:1:1:0"$/);
    expect(answerDifference(graphEntitlementsAnswer({ policy: null }), peerEntitlementsAnswer(peerA))).toMatch(/^\$: graph null/);
  });

  it("compares (b) in page order, instants by their milliseconds", () => {
    const graphB = {
      policies: {
        edges: [
          { node: { policyNo: "BP1", status: "ACTIVE", entitlements: [], cases: { edges: [{ node: { caseNo: "SB2", status: "OPEN", benefit: "GENE_TEST", submittedAt: "2026-02-19T09:10:00.000+08:00" } }] } } },
          { node: { policyNo: "BP2", status: "LAPSED", entitlements: [], cases: { edges: [] } } },
        ],
      },
    };
    const peerB = {
      allPolicies: {
        nodes: [
          { policyNo: "BP1", status: "ACTIVE", entitlementsByPolicyId: { nodes: [] }, serviceCasesByPolicyId: { nodes: [{ caseNo: "SB2", status: "OPEN", benefitCode: "GENE_TEST", submittedAt: "2026-02-19T01:10:00.000000+00:00" }] } },
          { policyNo: "BP2", status: "LAPSED", entitlementsByPolicyId: { nodes: [] }, serviceCasesByPolicyId: { nodes: [] } },
        ],
      },
    };
    expect(answerDifference(graphConsolePageAnswer(graphB), peerConsolePageAnswer(peerB))).toBeUndefined();
    const reversed = { allPolicies: { nodes: [...peerB.allPolicies.nodes].reverse() } };
    expect(answerDifference(graphConsolePageAnswer(graphB), peerConsolePageAnswer(reversed))).toMatch(/^\$\[0\]\.cases\[0\]/);
    const shorter = { allPolicies: { nodes: peerB.allPolicies.nodes.slice(0, 1) } };
    expect(answerDifference(graphConsolePageAnswer(graphB), peerConsolePageAnswer(shorter))).toMatch(/^\$\[1\]: graph \{/);
  });

  it("takes medians and rotates the targets round by round", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(rotate(["g", "p", "f"], 0)).toEqual(["g", "p", "f"]);
    expect(rotate(["g", "p", "f"], 1)).toEqual(["p", "f", "g"]);
    expect(rotate(["g", "p", "f"], 5)).toEqual(["f", "g", "p"]);
  });
});
