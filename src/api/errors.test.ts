import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { InvalidRequestError, NotFoundError, toTrpcError } from "./errors.ts";

describe("toTrpcError", () => {
  it("maps domain errors to their codes", () => {
    expect(getHTTPStatusCodeFromError(toTrpcError(new NotFoundError("no such model")))).toBe(404);
    expect(getHTTPStatusCodeFromError(toTrpcError(new InvalidRequestError("since is after until")))).toBe(400);
  });

  it("answers 503 when the database went away during the request, through drizzle's wrapper too", () => {
    const lost = Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" });
    const wrapped = Object.assign(new Error("Failed query: select ..."), { cause: lost });
    const mapped = toTrpcError(wrapped);
    expect(mapped).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: "database unavailable: try again shortly" });
    expect(getHTTPStatusCodeFromError(mapped)).toBe(503);
  });

  it("keeps other failures internal, without their message", () => {
    const mapped = toTrpcError(new Error("secret detail"));
    expect(mapped).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: "internal error" });
    // A deadlock is retried by writers, never a reason to tell a reader the database is down.
    expect(toTrpcError(Object.assign(new Error("deadlock"), { code: "40P01" })).code).toBe("INTERNAL_SERVER_ERROR");
  });
});
