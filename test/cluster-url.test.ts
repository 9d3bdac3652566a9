// A cluster's URL (pg_auto_failover gives several hosts and target_session_attrs=read-write): the
// database client asks postgres.js for "primary" then (src/db/client.ts says why).
import { describe, expect, it } from "vitest";
import { wantsReadWrite } from "../src/db/client.js";

describe("wantsReadWrite", () => {
  it.each([
    ["postgres://u@h1:5432,h2:5432/db?target_session_attrs=read-write", true],
    ["postgres://u@h1:5432,h2:5432/db?sslmode=disable&target_session_attrs=read-write", true],
    ["postgres://u@h1:5432,h2:5432/db?target_session_attrs=read-write&sslmode=disable", true],
    ["postgres://u@h1:5432,h2:5432/db?target_session_attrs=any", false],
    ["postgres://u@h1:5432/db", false],
    ["postgres://u@h1:5432/db?target_session_attrs=read-writeish", false],
  ])("%s → %s", (url, expected) => {
    expect(wantsReadWrite(url)).toBe(expected);
  });
});
