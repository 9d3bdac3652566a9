/**
 * Leaves a flow's transaction with an answer instead of a write: throwing rolls the transaction
 * back, and the flow returns `payload` to the caller.
 */
export class Abort<T> extends Error {
  constructor(readonly payload: T) {
    super("aborted with a payload");
  }
}
