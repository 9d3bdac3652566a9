// A process with the server's logger and shutdown, and a stop that never finishes: the deadline
// must end it. HARNESS_BLOCK=1 blocks the event loop once SIGTERM arrives (only the watchdog
// thread can end it then); HARNESS_CHATTER=1 logs a line every millisecond.
import { createLogger } from "../../src/logging/logger.js";
import { stopOnSignals } from "../../src/process/shutdown.js";

const logger = createLogger("info");
const block = process.env.HARNESS_BLOCK === "1";
stopOnSignals({
  logger,
  deadlineMs: 1000,
  stop: () => {
    if (block) setImmediate(() => {
      for (;;) logger.info("still stopping");
    });
    return new Promise(() => undefined);
  },
});
if (process.env.HARNESS_CHATTER === "1") setInterval(() => logger.info({ n: Math.random() }, "chatter"), 1);
setInterval(() => undefined, 60_000);
logger.info("ready");
