// The State Council (国务院办公厅) yearly holiday notices as data, and the indexed calendar built
// from them. Handbook: every SLA is counted in working days (工作日).

export interface CalendarYear {
  /** Days off that would otherwise be working days, and the weekend days inside a holiday. */
  readonly holidays: Readonly<Record<string, string>>;
  /** Weekend days made working days (调休). */
  readonly workdays: Readonly<Record<string, string>>;
}

export interface CalendarData {
  readonly source: string;
  readonly years: Readonly<Record<string, CalendarYear>>;
}

export interface WorkingCalendar {
  readonly source: string;
  /** Years with a published schedule; any other year falls back to Monday–Friday. */
  readonly publishedYears: ReadonlySet<number>;
  readonly holidays: ReadonlyMap<string, string>;
  readonly workdays: ReadonlyMap<string, string>;
}

export function createCalendar(data: CalendarData): WorkingCalendar {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  for (const year of Object.values(data.years)) {
    for (const [date, name] of Object.entries(year.holidays)) holidays.set(date, name);
    for (const [date, name] of Object.entries(year.workdays)) workdays.set(date, name);
  }
  return { source: data.source, publishedYears: new Set(Object.keys(data.years).map(Number)), holidays, workdays };
}
