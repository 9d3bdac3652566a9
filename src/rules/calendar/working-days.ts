// Working days under the State Council's schedule: weekends off except 调休 workdays, holidays
// off. A year without a published schedule is counted Monday–Friday and marked provisional.
import { addDays, isCalendarDate } from "../shared/dates.js";
import type { WorkingCalendar } from "./calendar-data.js";

export interface DayInfo {
  readonly date: string;
  readonly workingDay: boolean;
  /** The holiday or 调休 the day belongs to. */
  readonly holiday: string | null;
  readonly provisional: boolean;
}

export interface Dated {
  readonly date: string;
  readonly provisional: boolean;
}

/** The longest range calendarRange answers, so a request cannot ask for centuries. */
export const MAX_RANGE_DAYS = 366;

function assertDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
}

export function isProvisional(cal: WorkingCalendar, date: string): boolean {
  return !cal.publishedYears.has(Number(date.slice(0, 4)));
}

export function dayInfo(cal: WorkingCalendar, date: string): DayInfo {
  assertDate(date);
  const provisional = isProvisional(cal, date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const madeWorking = cal.workdays.get(date);
  if (madeWorking) return { date, workingDay: true, holiday: madeWorking, provisional };
  const holiday = cal.holidays.get(date);
  if (holiday) return { date, workingDay: false, holiday, provisional };
  return { date, workingDay: !weekend, holiday: null, provisional };
}

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  return dayInfo(cal, date).workingDay;
}

/** The n-th working day after `date` (n = 0: the date itself). */
export function addWorkingDays(cal: WorkingCalendar, date: string, n: number): Dated {
  assertDate(date);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let current = date;
  let provisional = isProvisional(cal, date);
  for (let left = n; left > 0; ) {
    current = addDays(current, 1);
    const info = dayInfo(cal, current);
    provisional ||= info.provisional;
    if (info.workingDay) left--;
  }
  return { date: current, provisional };
}

/**
 * Working days after `from` up to and including `to` (0 on the same day). A `to` before `from`
 * counts the other way and is negative, so "how late" and "how early" read the same.
 */
export function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): { days: number; provisional: boolean } {
  assertDate(from);
  assertDate(to);
  if (to < from) {
    const back = workingDaysBetween(cal, to, from);
    return { days: -back.days, provisional: back.provisional };
  }
  let days = 0;
  let provisional = isProvisional(cal, from);
  for (let current = from; current < to; ) {
    current = addDays(current, 1);
    const info = dayInfo(cal, current);
    provisional ||= info.provisional;
    if (info.workingDay) days++;
  }
  return { days, provisional };
}

export function calendarRange(cal: WorkingCalendar, from: string, to: string): DayInfo[] {
  assertDate(from);
  assertDate(to);
  if (to < from) throw new RangeError("the range ends before it starts");
  const days: DayInfo[] = [];
  for (let current = from; current <= to; current = addDays(current, 1)) {
    if (days.length >= MAX_RANGE_DAYS) throw new RangeError(`a range is at most ${MAX_RANGE_DAYS} days`);
    days.push(dayInfo(cal, current));
  }
  return days;
}

/** The years in [fromYear, toYear] counted Monday–Friday for want of a published schedule. */
export function provisionalYears(cal: WorkingCalendar, fromYear: number, toYear: number): number[] {
  const years: number[] = [];
  for (let year = fromYear; year <= toYear; year++) if (!cal.publishedYears.has(year)) years.push(year);
  return years;
}
