/**
 * `target.push(...items)` passes every item as a call argument, and V8 runs out of stack
 * somewhere past 100,000 of them: a large payload then fails with "Maximum call stack
 * size exceeded" (portkey did, at 50 MB). This appends one at a time.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
