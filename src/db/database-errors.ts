/**
 * What a database error means, read from its code rather than its message: drizzle wraps
 * driver errors in "Failed query: <the whole SQL> params: <every parameter>" (60-100 KB
 * for a bulk insert), so callers look through the wrapper to the Postgres SQLSTATE or
 * postgres.js's connection code, and describe it in a short sentence.
 */

/** SQLSTATEs and driver codes worth trying again: the same work may well succeed on a fresh attempt. */
const TRANSIENT: Readonly<Record<string, string>> = {
  "40P01": "database deadlock detected",
  "40001": "database serialization failure",
  "55P03": "database lock not available",
  "57P01": "database connection terminated by an administrator",
  "57P02": "database crash shutdown",
  "57P03": "database not accepting connections yet",
  "53300": "database has too many connections",
  "08000": "database connection error",
  "08001": "database unreachable",
  "08003": "database connection does not exist",
  "08006": "database connection failure",
  "25P03": "database transaction idle too long",
  "25P04": "database transaction timed out",
  CONNECTION_CLOSED: "database connection closed",
  CONNECTION_ENDED: "database connection ended",
  CONNECTION_DESTROYED: "database connection destroyed",
  CONNECT_TIMEOUT: "database connection timed out",
  CONNECTION_LOST: "database connection lost",
  ECONNREFUSED: "database refused the connection",
  ECONNRESET: "database connection reset",
  EPIPE: "database connection broken",
  ETIMEDOUT: "database connection timed out",
  EHOSTUNREACH: "database host unreachable",
  ENOTFOUND: "database host not found",
};

/** Codes that say the connection itself is gone (as opposed to a deadlock on a live one). */
const CONNECTION_CODES = new Set(Object.keys(TRANSIENT).filter((code) => !["40P01", "40001", "55P03", "25P04"].includes(code)));

interface CodedError {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The first error code along the cause chain (drizzle's DrizzleQueryError keeps the driver error as cause). */
export function databaseErrorCode(error: unknown): string | undefined {
  for (let current = error as CodedError | undefined, depth = 0; current && depth < 5; current = current.cause as CodedError, depth++) {
    if (typeof current.code === "string" && current.code !== "") return current.code;
    if (typeof current.errno === "string" && current.errno !== "") return current.errno;
  }
  return undefined;
}

export function isTransientDatabaseError(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code !== undefined && code in TRANSIENT;
}

/** The database (or the connection to it) is unavailable, not merely busy. */
export function isConnectionError(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code !== undefined && CONNECTION_CODES.has(code);
}

// Payload errors (a layout change with its zod issues) need some room; SQL dumps are cut long before this.
const MAX_MESSAGE = 1000;

/**
 * A short sentence for a stored run error or a log line: the meaning of a known code,
 * else the driver's own message (not drizzle's SQL dump), capped at a few hundred characters.
 */
export function describeDatabaseError(error: unknown): string {
  const code = databaseErrorCode(error);
  if (code && code in TRANSIENT) return TRANSIENT[code]!;
  return shortMessage(error);
}

/** The innermost message on the cause chain, which is the driver's, capped. */
export function shortMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let current = (error as CodedError | undefined)?.cause as CodedError | undefined, depth = 0; current && depth < 5; current = current.cause as CodedError, depth++) {
    if (typeof current.message === "string" && current.message !== "") message = current.message;
  }
  if (message.startsWith("Failed query:")) message = "database query failed";
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

/**
 * A run error as stored: a message that already went through describeDatabaseError stays
 * as it is; drizzle's "Failed query: <SQL> params: <...>" becomes its first line of SQL.
 */
export function shortRunError(message: string): string {
  const dump = /^Failed query: ([^\n]*)/.exec(message);
  const short = dump ? `database query failed: ${dump[1]!.slice(0, 120)}` : message;
  return short.length > MAX_MESSAGE ? `${short.slice(0, MAX_MESSAGE - 1)}…` : short;
}
