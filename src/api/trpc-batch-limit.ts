/**
 * tRPC batching puts several calls in one request (`/trpc/a,b,c?batch=1`). Each call may
 * cost a second of database work, and one request of 40 `best` calls held the server for
 * 40 s, so a batch is capped; the caller is told the cap rather than served slowly.
 */
export const MAX_BATCH_CALLS = 10;

/** Why this /trpc/ request is refused, or null. `basePath` is the tRPC prefix ("/trpc/"). */
export function batchLimitProblem(url: URL, basePath: string): string | null {
  if (url.searchParams.get("batch") !== "1") return null;
  const calls = url.pathname.slice(basePath.length).split(",").length;
  if (calls <= MAX_BATCH_CALLS) return null;
  return `a batch may hold at most ${MAX_BATCH_CALLS} calls; this one holds ${calls}: split it`;
}
