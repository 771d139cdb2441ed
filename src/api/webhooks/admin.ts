/**
 * Webhook administration under /api/v1/admin/webhooks: create (POST), list (GET),
 * delete (DELETE /:id) and test (POST /:id/test, a signed ping sent at once). The routes
 * exist only when PRICEWAR_ADMIN_TOKEN is set (404 otherwise, as if absent) and answer
 * only `Authorization: Bearer <token>` (401 otherwise; compared in constant time).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { ApiContext } from "../context.ts";
import { createSubscription, deleteSubscription, getSubscription, listSubscriptions } from "../../db/queries/webhooks.ts";
import { changeFilterInput } from "../../domain/changes/change-filter.ts";
import { describeIssues } from "../../domain/zod-issues.ts";
import { pingBody } from "../../jobs/webhooks/payload.ts";
import { sendSigned } from "../../jobs/webhooks/send.ts";
import { sendJson } from "../send-json.ts";
import { resolveChangeFilter } from "../stream/changes-stream.ts";

export const ADMIN_WEBHOOKS_PATH = "/api/v1/admin/webhooks";
const MAX_BODY_BYTES = 16 * 1024;

const createInput = changeFilterInput.extend({
  url: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).max(2000),
  description: z.string().max(500).optional(),
});

/** `Authorization: Bearer <expected>`, compared in constant time. */
export function tokenMatches(expected: string, header: string | undefined): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? "")?.[1];
  if (!given) return false;
  // Hashing first gives equal lengths, so the comparison leaks nothing about the token's length.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

async function readJson(request: IncomingMessage): Promise<{ value: unknown } | { error: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { error: `the body is over ${MAX_BODY_BYTES} bytes` };
    chunks.push(chunk);
  }
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") };
  } catch (error) {
    return { error: `the body is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function createWebhookAdmin(context: ApiContext, adminToken: string | undefined) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (!adminToken) return sendJson(response, 404, { error: `no route for ${url.pathname}` });
    if (!tokenMatches(adminToken, request.headers.authorization)) {
      response.setHeader("www-authenticate", 'Bearer realm="pricewar-admin"');
      return sendJson(response, 401, { error: "the admin routes need Authorization: Bearer <PRICEWAR_ADMIN_TOKEN>" });
    }
    const rest = url.pathname.slice(ADMIN_WEBHOOKS_PATH.length).replace(/\/$/, "");
    const match = /^\/(\d{1,9})(\/test)?$/.exec(rest);
    const method = request.method ?? "GET";

    if (rest === "" && method === "GET") return sendJson(response, 200, { subscriptions: await listSubscriptions(context.db) });
    if (rest === "" && method === "POST") {
      const body = await readJson(request);
      if ("error" in body) return sendJson(response, 400, { error: body.error });
      const parsed = createInput.safeParse(body.value);
      if (!parsed.success) return sendJson(response, 400, { error: describeIssues(parsed.error) });
      const { url: target, description, ...filterInput } = parsed.data;
      const params = new URLSearchParams(Object.entries(filterInput).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
      const resolved = await resolveChangeFilter(context, params);
      if ("error" in resolved) return sendJson(response, resolved.status, { error: resolved.error });
      const secret = `whsec_${randomBytes(24).toString("base64url")}`;
      const created = await createSubscription(context.db, { url: target, secret, description, filter: resolved.filter });
      // The secret is shown here only: the receiver stores it to verify signatures.
      return sendJson(response, 201, { ...created, secret });
    }
    if (match && !match[2] && method === "DELETE") {
      const deleted = await deleteSubscription(context.db, Number(match[1]));
      return deleted ? void response.writeHead(204).end() : sendJson(response, 404, { error: `no webhook subscription ${match[1]}` });
    }
    if (match && match[2] && method === "POST") {
      const subscription = await getSubscription(context.db, Number(match[1]));
      if (!subscription) return sendJson(response, 404, { error: `no webhook subscription ${match[1]}` });
      const body = pingBody(subscription.id, new Date());
      const result = await sendSigned(subscription.url, subscription.secret, body, { idempotencyKey: JSON.parse(body).id, attempt: 1 }, 10_000);
      return sendJson(response, 200, result);
    }
    response.setHeader("allow", match ? (match[2] ? "POST" : "DELETE") : "GET, POST");
    return sendJson(response, rest === "" || match ? 405 : 404, { error: `${method} ${url.pathname} is not an admin webhook route` });
  };
}
