import type { PersonRow, PolicyKeys, PolicyRow } from "../../db/queries/policies.js";
import type { PolicyStatus } from "../../rules/policy/codes.js";
import type { Person } from "../../schema/policy/person.type.js";
import { Policy } from "../../schema/policy/policy.type.js";
import { toGlobalId } from "../../schema/shared/global-id.js";

export function presentPolicy(row: PolicyRow): Policy {
  // An instance, so that type-graphql hands it to the field resolvers as it is instead of copying it.
  return Object.assign(new Policy(), {
    id: toGlobalId("Policy", row.policyNo),
    rowId: row.id,
    policyNo: row.policyNo,
    status: row.status as PolicyStatus,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    waitingPeriodEndsOn: row.waitingPeriodEndsOn,
    hasSocialInsurance: row.hasSocialInsurance,
    insuredId: row.insuredId,
    policyholderId: row.policyholderId,
  });
}

/**
 * A policy of which only the keys were read: the node of an edge no field resolves (a page whose
 * edges are answered in SQL reads each node's answer by `rowId`; record 0099). Its other fields are
 * not set, so it is never handed to a field resolver.
 */
export function presentPolicyKeys(keys: PolicyKeys): Policy {
  return Object.assign(new Policy(), { id: toGlobalId("Policy", keys.policyNo), rowId: keys.id, policyNo: keys.policyNo });
}

/** Only masked forms leave the API; the ciphertexts never do. */
export function presentPerson(row: PersonRow): Person {
  return { name: row.name, idNumberMasked: row.idNumberMasked, phoneMasked: row.phoneMasked, birthDate: row.birthDate };
}
