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
