import { describe, expect, it } from "vitest";
import { caseInScope, policyInScope, rowScope, serviceInScope, surnameOnly, webhookPartnerScope } from "./row-scope.js";
import type { Principal } from "./roles.js";

const admin: Principal = { role: "ADMIN", subject: "admin-key" };
const operator: Principal = { role: "OPERATOR", subject: "api-key:1" };
const insured: Principal = { role: "INSURED", subject: "jwt:u1", policyNos: ["P-1"] };
const insuredWithout: Principal = { role: "INSURED", subject: "api-key:9" };
const partner: Principal = { role: "PARTNER", subject: "api-key:2", partnerCode: "TPA", partnerServices: ["GENE_TEST"] };
const analyst: Principal = { role: "ANALYST", subject: "api-key:3" };
const ownGene = { policyNo: "P-1", serviceCode: "GENE_TEST", partnerCode: null };
const ownOpinion = { policyNo: "P-1", serviceCode: "SECOND_OPINION", partnerCode: null };
const otherGene = { policyNo: "P-2", serviceCode: "GENE_TEST", partnerCode: "TPA" };
const otherPartnersGene = { policyNo: "P-2", serviceCode: "GENE_TEST", partnerCode: "TPA-2" };

describe("row scope", () => {
  it.each([
    // name, principal, case facts, case in scope, policy by number in scope, service's entitlements shown, diagnoses, persons
    ["anonymous", null, ownGene, false, false, false, false, "SURNAME_ONLY"],
    ["admin", admin, otherGene, true, true, true, true, "MASKED"],
    ["operator", operator, ownOpinion, true, true, true, true, "MASKED"],
    ["insured, own policy", insured, ownOpinion, true, true, true, true, "MASKED"],
    ["insured, another policy", insured, otherGene, false, false, true, true, "MASKED"],
    ["insured without policies", insuredWithout, ownGene, false, false, true, true, "MASKED"],
    ["partner, contracted service", partner, otherGene, true, false, true, false, "SURNAME_ONLY"],
    ["partner, its service, another partner's case", partner, otherPartnersGene, false, false, true, false, "SURNAME_ONLY"],
    ["partner, another service of a policy it reached", partner, ownOpinion, false, false, false, false, "SURNAME_ONLY"],
    ["analyst", analyst, ownGene, false, false, false, false, "SURNAME_ONLY"],
  ] as const)("%s", (_name, principal, facts, seesCase, seesPolicy, seesService, diagnoses, persons) => {
    const scope = rowScope(principal);
    expect(caseInScope(scope, facts)).toBe(seesCase);
    expect(policyInScope(scope, facts.policyNo)).toBe(seesPolicy);
    expect(serviceInScope(scope, facts.serviceCode)).toBe(seesService);
    expect(scope.diagnoses).toBe(diagnoses);
    expect(scope.persons).toBe(persons);
  });

  it.each([
    ["anonymous", null, "NONE"],
    ["admin: every partner", admin, { partnerCode: null }],
    ["operator", operator, "NONE"],
    ["partner: its own", partner, { partnerCode: "TPA" }],
    ["partner key without a partner", { ...partner, partnerCode: null }, "NONE"],
    ["insured", insured, "NONE"],
    ["analyst", analyst, "NONE"],
  ] as const)("webhooks and deliveries: %s", (_name, principal, scope) => {
    expect(webhookPartnerScope(principal)).toEqual(scope);
  });

  it.each([
    ["two characters", "张三", "张*"],
    ["three characters", "欧阳修", "欧**"],
    ["one character", "李", "*"],
    ["latin", "Ann", "A**"],
    ["empty", "", "*"],
    ["outside the basic plane", "𠀋一", "𠀋*"],
  ])("surname only: %s", (_name, name, shown) => {
    expect(surnameOnly(name)).toBe(shown);
  });
});
