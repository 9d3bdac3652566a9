import type { PersonRow, PolicyRow } from "../../db/queries/policies.js";
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

/** Only masked forms leave the API; the ciphertexts never do. */
export function presentPerson(row: PersonRow): Person {
  return { name: row.name, idNumberMasked: row.idNumberMasked, phoneMasked: row.phoneMasked, birthDate: row.birthDate };
}
