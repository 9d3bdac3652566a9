import { describe, expect, it } from "vitest";
import type { Executor } from "../db/client.js";
import { computeCaseMetrics } from "./case-metrics.js";

// A refused filter never reaches the database.
const unused = new Proxy({}, { get: () => { throw new Error("the database was used"); } }) as Executor;

describe("the case metrics service", () => {
  it("returns a refusal, without throwing, for a window that ends before it starts", async () => {
    expect(await computeCaseMetrics(unused, "2026-12-02", ["SERVICE"], { submittedFrom: "2026-11-01", submittedTo: "2026-10-01" })).toEqual({
      ok: false,
      refusal: { code: "BAD_USER_INPUT", field: "filter.submittedTo", message: "submittedTo is before submittedFrom" },
    });
  });

  it("returns a refusal for an asOf after today", async () => {
    expect(await computeCaseMetrics(unused, "2026-12-02", ["SERVICE"], { asOf: "2026-12-03" })).toMatchObject({
      ok: false,
      refusal: { field: "filter.asOf", message: "asOf 2026-12-03 is after today (2026-12-02)" },
    });
  });
});
