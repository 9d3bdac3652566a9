// npm run bench:policy-feed:generate -- <out.jsonl|out.csv> [count=1000000] [--seed n] [--bad-every n]
// Writes a policy feed file of `count` valid records (deterministic for a seed), streamed: the
// file never sits in memory. Every n-th record is made invalid with --bad-every, for reject runs.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { CSV_COLUMNS } from "../src/rules/policy/import-record.js";
import { checkDigit } from "../src/rules/policy/resident-id.js";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const seed = flag("seed", 1);
const badEvery = flag("bad-every", 0);
const [out, countArg] = args;
if (!out) {
  process.stderr.write("usage: npm run bench:policy-feed:generate -- <out.jsonl|out.csv> [count] [--seed n] [--bad-every n]\n");
  process.exit(2);
}
const count = Number(countArg ?? 1_000_000);
const csv = /\.csv$/i.test(out);

let state = seed >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 0x100000000;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟"];
const AREAS = ["110105", "310104", "440305", "330106", "510107", "420106"];

function person() {
  const birth = `${1950 + Math.floor(random() * 55)}${pad(1 + Math.floor(random() * 12), 2)}${pad(1 + Math.floor(random() * 28), 2)}`;
  const first17 = `${pick(AREAS)}${birth}${pad(Math.floor(random() * 1000), 3)}`;
  return {
    name: `${pick(SURNAMES)}${pick(GIVEN)}${random() < 0.5 ? pick(GIVEN) : ""}`,
    idNumber: `${first17}${checkDigit(first17)}`,
    phone: `1${pick(["39", "38", "86", "58", "77"])}${pad(Math.floor(random() * 1e8), 8)}`,
  };
}

function record(i: number) {
  const month = 1 + Math.floor(random() * 12);
  const from = `2025-${pad(month, 2)}-01`;
  const to = `2026-${pad(month, 2)}-01`;
  const waiting = `2025-${pad(month, 2)}-${random() < 0.5 ? "28" : "15"}`;
  const insured = person();
  const holder = random() < 0.3 ? person() : null;
  const bad = badEvery > 0 && i % badEvery === badEvery - 1;
  return {
    policyNo: `BM-${pad(i, 9)}`,
    status: random() < 0.95 ? "ACTIVE" : "LAPSED",
    effectiveFrom: from,
    effectiveTo: to,
    waitingPeriodEndsOn: waiting,
    hasSocialInsurance: random() < 0.8,
    insured: bad ? { ...insured, idNumber: `${insured.idNumber.slice(0, 17)}${insured.idNumber[17] === "0" ? "1" : "0"}` } : insured,
    policyholder: holder,
    benefits: random() < 0.1 ? ["FAMILY_DOCTOR", "GREEN_CHANNEL_OUTPATIENT", "SECOND_OPINION", "JAPAN_TREATMENT"] : null,
  };
}

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function csvLine(r: ReturnType<typeof record>): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    policyNo: r.policyNo,
    status: r.status,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    waitingPeriodEndsOn: r.waitingPeriodEndsOn,
    hasSocialInsurance: String(r.hasSocialInsurance),
    insuredName: r.insured.name,
    insuredIdNumber: r.insured.idNumber,
    insuredPhone: r.insured.phone,
    insuredBirthDate: "",
    policyholderName: r.policyholder?.name ?? "",
    policyholderIdNumber: r.policyholder?.idNumber ?? "",
    policyholderPhone: r.policyholder?.phone ?? "",
    policyholderBirthDate: "",
    benefits: r.benefits?.join("|") ?? "",
  };
  return CSV_COLUMNS.map((c) => cell(values[c])).join(",");
}

const stream = createWriteStream(out);
if (csv) stream.write(`${CSV_COLUMNS.join(",")}\n`);
let buffer = "";
for (let i = 0; i < count; i++) {
  const r = record(i);
  buffer += `${csv ? csvLine(r) : JSON.stringify(r)}\n`;
  if (buffer.length > 1 << 16) {
    if (!stream.write(buffer)) await once(stream, "drain");
    buffer = "";
  }
}
stream.end(buffer);
await once(stream, "finish");
process.stderr.write(`${out}: ${count} policies${badEvery ? `, every ${badEvery}th invalid` : ""}\n`);
