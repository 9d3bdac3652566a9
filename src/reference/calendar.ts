import { createCalendar, type CalendarData, type WorkingCalendar } from "../rules/calendar/calendar-data.js";
import { readDataJson } from "./load-data.js";

let calendar: WorkingCalendar | undefined;

/** The working-day calendar from data/calendar/cn-holidays.json, built once per process. */
export function loadCalendar(): WorkingCalendar {
  calendar ??= createCalendar(readDataJson<CalendarData>("calendar/cn-holidays.json"));
  return calendar;
}
