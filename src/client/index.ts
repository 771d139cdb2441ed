/**
 * The typed TypeScript client, published as `pricewar/client`: every procedure of the
 * service's tRPC API with its input and answer types, over one batching HTTP link.
 *
 *   const pricewar = createPricewarClient("http://localhost:8787");
 *   const answer = await pricewar.best.query({ task: "coding" });
 */
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import type { AppRouter } from "../api/router.ts";

export type { AppRouter };
export type PricewarClient = TRPCClient<AppRouter>;

export interface PricewarClientOptions {
  /** Headers sent with every request, e.g. an authorization header. */
  headers?: Record<string, string>;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

/** A client for the service at `baseUrl` (its origin, e.g. http://localhost:8787; tRPC is served under /trpc). */
export function createPricewarClient(baseUrl: string | URL, options: PricewarClientOptions = {}): PricewarClient {
  const url = new URL("trpc", String(baseUrl).replace(/\/*$/, "/")).toString();
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url, headers: options.headers, fetch: options.fetch })],
  });
}
