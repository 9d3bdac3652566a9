import { describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import type { Logger } from "../logging/logger.js";
import type { PiiProtector } from "../security/pii-protector.js";
import { createContext } from "./context.js";

/** Apollo's copy of a request's context (cloneObject in @apollo/server's ApolloServer.js). */
const copyAsApolloDoes = <T extends object>(object: T): T => Object.assign(Object.create(Object.getPrototypeOf(object) as object) as T, object);

function recordingLogger() {
  const children: Record<string, unknown>[] = [];
  const lines: unknown[][] = [];
  const logger = {
    child(bindings: Record<string, unknown>) {
      children.push(bindings);
      return { ...logger, info: (...args: unknown[]) => lines.push([bindings, ...args]) };
    },
    info: () => {},
  } as unknown as Logger;
  return { logger, children, lines };
}

describe("createContext", () => {
  const deps = (logger: Logger) => ({
    db: {} as Database,
    clock: { now: () => new Date("2026-12-31T16:30:00Z") },
    logger,
    pii: {} as PiiProtector,
  });

  it("decides the day in Shanghai and keeps who calls", () => {
    const ctx = createContext(deps(recordingLogger().logger), "req-1", { subject: "u1", role: "ADMIN" } as never, "127.0.0.1");
    expect(ctx.today).toBe("2027-01-01");
    expect(ctx.requestId).toBe("req-1");
    expect(ctx.remoteAddress).toBe("127.0.0.1");
    expect(ctx.readDb).toBe(ctx.db);
  });

  it("makes the request logger only when it is used, also on Apollo's copy", () => {
    const { logger, children, lines } = recordingLogger();
    const copy = copyAsApolloDoes(createContext(deps(logger), "req-2", null));
    expect(children).toEqual([]);
    expect(copy.loaders).toBeDefined();
    // Loaders too are made on first use, once a request: the copy's is the one every resolver shares.
    expect(copy.loaders.personById).toBe(copy.loaders.personById);
    expect(copy.loaders.policyWithChildrenByNo([copy.loaders.entitlementRows])).toBe(copy.loaders.policyWithChildrenByNo([copy.loaders.entitlementRows]));
    copy.logger.info("first");
    copy.logger.info("second");
    expect(children).toEqual([{ requestId: "req-2" }]);
    expect(lines).toEqual([
      [{ requestId: "req-2" }, "first"],
      [{ requestId: "req-2" }, "second"],
    ]);
  });
});
