import { describe, expect, it } from "vitest";
import { canMoveCase, canSeeCase, canSubmitCase } from "./case-scope.js";
import type { Principal } from "./roles.js";

const admin: Principal = { role: "ADMIN", subject: "admin-key" };
const operator: Principal = { role: "OPERATOR", subject: "api-key:1" };
const insured: Principal = { role: "INSURED", subject: "jwt:u1", policyNos: ["P-1"] };
const partner: Principal = { role: "PARTNER", subject: "api-key:2", partnerCode: "TPA", partnerServices: ["GREEN_CHANNEL"] };
const analyst: Principal = { role: "ANALYST", subject: "api-key:3" };
const own = { policyNo: "P-1", serviceCode: "GREEN_CHANNEL", partnerCode: "TPA" };
const other = { policyNo: "P-2", serviceCode: "MDT_CONSULTATION", partnerCode: null };
const anotherPartners = { policyNo: "P-1", serviceCode: "GREEN_CHANNEL", partnerCode: "TPA-2" };
const nobodys = { policyNo: "P-1", serviceCode: "GREEN_CHANNEL", partnerCode: null };

describe("case scope", () => {
  it.each([
    ["admin", admin, own, true, true, true],
    ["admin, any case", admin, other, true, true, true],
    ["operator", operator, other, true, true, true],
    ["insured, own policy", insured, own, true, false, true],
    ["insured, another policy", insured, other, false, false, false],
    ["partner, contracted service", partner, own, true, true, true],
    ["partner, another service", partner, other, false, false, false],
    // a partner submits in its own name; it neither sees nor moves another partner's case, nor one no partner holds
    ["partner, its service but another partner's case", partner, anotherPartners, false, false, true],
    ["partner, its service, a case no partner holds", partner, nobodys, false, false, true],
    ["operator, another partner's case", operator, anotherPartners, true, true, true],
    ["analyst", analyst, own, false, false, false],
  ] as const)("%s: see %s, move %s, submit %s", (_name, principal, facts, see, move, submit) => {
    expect(canSeeCase(principal, facts)).toBe(see);
    expect(canMoveCase(principal, facts)).toBe(move);
    expect(canSubmitCase(principal, facts)).toBe(submit);
  });
});
