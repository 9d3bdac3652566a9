// A person as stored: ID number and phone encrypted, with a keyed hash for look-ups and the masked
// form the API shows. upsertPolicy and the policy feed both store people through this one function.
import { maskPhone } from "../rules/policy/phone.js";
import { maskResidentId } from "../rules/policy/resident-id.js";
import type { CleanPerson } from "../rules/policy/validate-policy.js";
import type { PiiProtector } from "./pii-protector.js";

export interface SealedPerson {
  readonly name: string;
  readonly birthDate: string | null;
  readonly idNumberCipher: string | null;
  readonly idNumberHash: string | null;
  readonly idNumberMasked: string | null;
  readonly phoneCipher: string | null;
  readonly phoneHash: string | null;
  readonly phoneMasked: string | null;
}

export function sealPerson(person: CleanPerson, pii: PiiProtector): SealedPerson {
  return {
    name: person.name,
    birthDate: person.birthDate,
    idNumberCipher: person.idNumber ? pii.encrypt(person.idNumber) : null,
    idNumberHash: person.idNumber ? pii.hash(person.idNumber) : null,
    idNumberMasked: person.idNumber ? maskResidentId(person.idNumber) : null,
    phoneCipher: person.phone ? pii.encrypt(person.phone) : null,
    phoneHash: person.phone ? pii.hash(person.phone) : null,
    phoneMasked: person.phone ? maskPhone(person.phone) : null,
  };
}
