// A batch of the policy feed as COPY text, the input of merge-batch.ts's staging table. No database
// code here: a worker thread builds batches (batcher.ts) while the main thread merges.
import { randomUUID } from "node:crypto";
import type { SealedPerson } from "../../security/seal-person.js";

/** A validated record, its personal data already sealed. */
export interface StagedPolicy {
  readonly line: number;
  readonly policyNo: string;
  readonly status: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
  readonly waitingPeriodEndsOn: string;
  readonly hasSocialInsurance: boolean;
  readonly holderIsInsured: boolean;
  readonly insured: StagedPerson;
  readonly holder: StagedPerson;
  readonly benefits: readonly string[];
  readonly quotas: readonly (number | null)[];
}

/** A person as staged: sealed as upsertPolicy seals one (src/security/seal-person.ts). */
export type StagedPerson = SealedPerson;

export interface BatchCounts {
  /** Lines read since the last batch, rejected ones included. */
  readonly read: number;
  /** Lines rejected before staging (validation). */
  readonly rejectedBefore: number;
  /** The last line of the file the batch covers. */
  readonly lastLine: number;
}

/** A batch ready to stage: its records as COPY text (encodeBatch), made before its transaction begins. */
export interface EncodedBatch {
  readonly size: number;
  readonly body: Buffer;
}

export const PERSON_COLUMNS = ["name", "birth", "id_cipher", "id_hash", "id_masked", "phone_cipher", "phone_hash", "phone_masked"] as const;

/** A batch as COPY input; done before its transaction opens, while the batch before it merges. */
export function encodeBatch(records: readonly StagedPolicy[]): EncodedBatch {
  return { size: records.length, body: Buffer.from(records.length > 0 ? copyText(records) : "") };
}

/** COPY's text format: tab-separated, \N for null, backslash escapes; built by concatenation, as it runs per record. */
function copyText(records: readonly StagedPolicy[]): string {
  const ids = orderedIds();
  const benefitCells = new Map<string, string>();
  let out = "";
  for (const r of records) {
    const key = r.benefits.join(",");
    let benefits = benefitCells.get(key);
    if (benefits === undefined) {
      // Sorted by their bytes, as the plan compares them with the stored set.
      const order = r.benefits.map((_, i) => i).sort((a, b) => (r.benefits[a]! < r.benefits[b]! ? -1 : r.benefits[a]! > r.benefits[b]! ? 1 : 0));
      benefits = `{${order.map((i) => r.benefits[i]).join(",")}}\t{${order.map((i) => r.quotas[i] ?? "NULL").join(",")}}`;
      benefitCells.set(key, benefits);
    }
    out += `${r.line}\t${copyCell(r.policyNo)}\t${r.status}\t${r.effectiveFrom}\t${r.effectiveTo}\t${r.waitingPeriodEndsOn}\t${r.hasSocialInsurance}\t${r.holderIsInsured}\t${personCells(r.insured)}\t${r.holderIsInsured ? NO_PERSON : personCells(r.holder)}\t${benefits}\t${ids()}\t${ids()}\t${ids()}\n`;
  }
  return out;
}

const NO_PERSON = PERSON_COLUMNS.map(() => "\\N").join("\t");

function personCells(p: StagedPerson): string {
  return `${copyCell(p.name)}\t${copyCell(p.birthDate)}\t${copyCell(p.idNumberCipher)}\t${copyCell(p.idNumberHash)}\t${copyCell(p.idNumberMasked)}\t${copyCell(p.phoneCipher)}\t${copyCell(p.phoneHash)}\t${copyCell(p.phoneMasked)}`;
}

/**
 * Ids for the rows a batch may create, ascending in the order they are made: the time in
 * milliseconds in the first 48 bits and a counter in the next 12 (the layout of UUID version 7),
 * the rest random. The rows of one batch then go to neighbouring pages at the end of the primary
 * keys and of entitlement's (policy_id, benefit_code) index, instead of one random page each.
 */
export function orderedIds(): () => string {
  return () => {
    const now = Date.now();
    if (now > idClock.ms) [idClock.ms, idClock.counter] = [now, 0];
    else if (++idClock.counter > 0xfff) [idClock.ms, idClock.counter] = [idClock.ms + 1, 0];
    const time = idClock.ms.toString(16).padStart(12, "0");
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${idClock.counter.toString(16).padStart(3, "0")}${randomUUID().slice(18)}`;
  };
}
const idClock = { ms: 0, counter: 0 };

function copyCell(value: string | null): string {
  if (value === null) return "\\N";
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}
