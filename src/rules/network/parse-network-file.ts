// An operator's replacement network: one place per line (name as people write it, or a GB/T 2260
// code); blank lines and # comments ignored. Every line is checked before anything is changed.
import { resolvePlace, type RegionIndex, type RegionRecord } from "./region-index.js";

export interface NetworkFileLine {
  readonly line: number;
  readonly source: string;
  readonly region: RegionRecord;
  readonly via: string | null;
}

export type NetworkFile = { readonly ok: true; readonly entries: readonly NetworkFileLine[] } | { readonly ok: false; readonly errors: readonly string[] };

export function parseNetworkFile(text: string, index: RegionIndex): NetworkFile {
  const entries: NetworkFileLine[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const source = raw.replace(/#.*$/, "").trim();
    if (!source) return;
    const lookup = resolvePlace(index, source);
    if (lookup.kind === "FOUND") entries.push({ line: i + 1, source, region: lookup.region, via: lookup.via });
    else if (lookup.kind === "AMBIGUOUS") {
      errors.push(`line ${i + 1}: "${source}" is ambiguous: ${lookup.candidates.slice(0, 5).map((c) => `${c.name} ${c.code}`).join(", ")} — write the code`);
    } else errors.push(`line ${i + 1}: unknown place "${source}"`);
  });
  if (entries.length === 0 && errors.length === 0) errors.push("the file names no place");
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}
