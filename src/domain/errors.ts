/** Errors the domain raises for a caller's request; the API maps them to HTTP/tRPC codes (api/errors.ts). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** Input that passes the schema but makes no sense (unknown seller, contradictory constraints). */
export class InvalidRequestError extends Error {
  override name = "InvalidRequestError";
}
