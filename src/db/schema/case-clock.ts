// Every SLA clock of a case, one row per clock, written in the transaction that changes the case
// (rules/sla/case-clocks.ts computes them; docs/decisions/0085-every-clock-stored.md). The API, the
// SLA sweep and caseMetrics read these rows; the service_case sla_* columns are the first clock's
// copy of them, kept for the metric summaries' key.
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { serviceCases } from "./case.js";

export const caseClocks = pgTable(
  "case_clock",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => serviceCases.id),
    /** The clock's name in the service definition, e.g. ARRANGEMENT_COMPLETE. */
    clock: text("clock").notNull(),
    /** Its place in the service's list: 0 is the first clock. */
    position: smallint("position").notNull(),
    workingDaysAllowed: smallint("working_days_allowed").notNull(),
    startedOn: date("started_on", { mode: "string" }),
    dueOn: date("due_on", { mode: "string" }),
    metOn: date("met_on", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    pausedReason: text("paused_reason"),
    pausedSince: date("paused_since", { mode: "string" }),
    pausedWorkingDays: integer("paused_working_days").notNull(),
    provisional: boolean("provisional").notNull(),
    /** The day the case last changed: the clock's dates are as of then. */
    computedOn: date("computed_on", { mode: "string" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "case_clock_pk", columns: [t.caseId, t.clock] }),
    // The sweep: running clocks by due date.
    index("case_clock_running_idx").on(t.dueOn).where(sql`${t.metOn} is null and ${t.closedOn} is null and ${t.dueOn} is not null`),
  ],
);
