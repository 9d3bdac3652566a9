// Run as its own process (`node --import tsx test/support/idle-class-process.ts`) by
// test/policy-feed-units.test.ts, so that the test runner keeps its own class: enters the idle class
// for the whole process as the importing command does, starts a worker thread afterwards, and prints
// what /proc says of each thread as one JSON line.
import { Worker } from "node:worker_threads";
import { enterIdleClass, threadsInIdleClass } from "../../src/db/policy-feed/idle-class.js";

const before = threadsInIdleClass().idle.length;
const entered = enterIdleClass("process");
// A thread started after the change: its class is inherited from the thread that started it.
const worker = new Worker(
  `const { parentPort } = require("node:worker_threads"); const { readFileSync, readlinkSync } = require("node:fs");
   const tid = readlinkSync("/proc/thread-self").split("/").pop();
   parentPort.postMessage(Number(readFileSync("/proc/self/task/" + tid + "/stat", "utf8").split(") ")[1].split(" ")[38]));`,
  { eval: true },
);
const workerPolicy = await new Promise<number>((resolve, reject) => worker.once("message", resolve).once("error", reject));
const { idle, other } = threadsInIdleClass();
await worker.terminate();
process.stdout.write(`${JSON.stringify({ entered, before, idle: idle.length, other: other.length, workerIdle: workerPolicy === 5 })}\n`);
