// Submission windows (inclusive Shanghai dates) as whole months and the days at their edges: the
// summaries keep both a monthly and a daily table, and a query reads the fewest rows it can.
import { addDays } from "../../../rules/shared/dates.js";

const monthOf = (date: string) => date.slice(0, 7);
const firstOfMonth = (month: string) => `${month}-01`;
function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
const lastOfMonth = (month: string) => addDays(firstOfMonth(nextMonth(month)), -1);

/**
 * A submission window (inclusive Shanghai dates, either open) as the whole months inside it (null
 * bounds: unbounded) and the day ranges left at its edges.
 */
export function splitWindow(from: string | null, to: string | null): { months: { first: string | null; last: string | null } | null; days: [string, string][] } {
  const first = from === null ? null : from === firstOfMonth(monthOf(from)) ? monthOf(from) : nextMonth(monthOf(from));
  const last = to === null ? null : to === lastOfMonth(monthOf(to)) ? monthOf(to) : monthOf(addDays(firstOfMonth(monthOf(to)), -1));
  if (first !== null && last !== null && first > last) return { months: null, days: from && to && from <= to ? [[from, to]] : [] };
  const days: [string, string][] = [];
  if (from !== null && first !== monthOf(from)) days.push([from, lastOfMonth(monthOf(from))]);
  if (to !== null && last !== monthOf(to)) days.push([firstOfMonth(monthOf(to)), to]);
  return { months: { first, last }, days };
}

const dayCount = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/** What a query reads: whole months, days added, and days taken away from a whole month it reads. */
export interface WindowPlan {
  readonly months: { readonly first: string | null; readonly last: string | null } | null;
  readonly days: readonly [string, string][];
  readonly minusDays: readonly [string, string][];
}

/**
 * splitWindow, reading fewer rows: an edge month the window covers more than half of is read whole
 * from the monthly table, less the days outside the window from the daily one (a year from the 2nd
 * reads one day less instead of 29 more).
 */
export function planWindow(from: string | null, to: string | null): WindowPlan {
  const split = splitWindow(from, to);
  let months = split.months;
  const days: [string, string][] = [];
  const minusDays: [string, string][] = [];
  const pieces = split.days.flatMap(([start, end]): [string, string][] =>
    monthOf(start) === monthOf(end) ? [[start, end]] : [[start, lastOfMonth(monthOf(start))], [firstOfMonth(monthOf(end)), end]],
  );
  for (const [start, end] of pieces) {
    const month = monthOf(start);
    const first = firstOfMonth(month);
    const last = lastOfMonth(month);
    if (2 * dayCount(start, end) <= dayCount(first, last)) {
      days.push([start, end]);
      continue;
    }
    if (start > first) minusDays.push([first, addDays(start, -1)]);
    if (end < last) minusDays.push([addDays(end, 1), last]);
    // The edge months sit next to the whole months (or next to each other): the range stays contiguous.
    months = months === null ? { first: month, last: month } : { first: months.first !== null && month < months.first ? month : months.first, last: months.last !== null && month > months.last ? month : months.last };
  }
  return { months, days, minusDays };
}
