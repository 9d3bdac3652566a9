// Promise.withResolvers for Node 20 (it arrived in Node 22), which PostGraphile 5 calls. Preloaded
// into the peer's process only: `node --import tsx --import ./bench/promise-with-resolvers.ts …`.
const P = Promise as unknown as { withResolvers?: unknown };
if (typeof P.withResolvers !== "function") {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
export {};
