// The only place that reads the time. Requests take "now" and "today" from here, so tests can fix them.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: string | Date): Clock {
  const at = new Date(instant);
  return { now: () => new Date(at) };
}

const EIGHT_HOURS_MS = 8 * 3_600_000;

/**
 * The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai: UTC+8 all year since 1991, when
 * China last observed daylight saving. Arithmetic, not Intl: it runs on every request.
 */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + EIGHT_HOURS_MS).toISOString().slice(0, 10);
}

/** Midnight in Asia/Shanghai (UTC+8, no daylight saving) of a date, as an instant. */
export function shanghaiMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
