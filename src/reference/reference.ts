// The reference data requests decide with (the working-day calendar, the region index), as one
// object made once at start-up and handed to every request's context (docs/decisions/0032-reference-data-through-the-context.md).
import type { WorkingCalendar } from "../rules/calendar/calendar-data.js";
import type { RegionIndex } from "../rules/network/region-index.js";
import { loadCalendar } from "./calendar.js";
import { loadRegionIndex } from "./networks.js";

export interface Reference {
  /** Working days and holidays (data/calendar). */
  readonly calendar: WorkingCalendar;
  /** GB/T 2260 divisions with their old names and aliases (data/regions). */
  readonly regions: RegionIndex;
}

let reference: Reference | undefined;

/** The reviewed data sets in data/, read once per process. */
export function loadReference(): Reference {
  reference ??= { calendar: loadCalendar(), regions: loadRegionIndex() };
  return reference;
}
