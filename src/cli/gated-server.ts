/**
 * An HTTP server that listens at once and serves only when the service is ready: until
 * then /healthz answers 503 "starting" and every other request waits (its connection is
 * accepted, its answer comes once the database is open and migrated).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import { closeServer, listenOn } from "../api/server-lifecycle.ts";

export interface GatedServer {
  server: Server;
  port: number;
  /** Serve with `listener` from now on, held requests first. */
  open(listener: RequestListener): void;
  close(): Promise<void>;
}

type Held = [IncomingMessage, ServerResponse];

function answerStarting(response: ServerResponse): void {
  response.writeHead(503, { "content-type": "application/json; charset=utf-8", "retry-after": "1", "cache-control": "no-store" });
  response.end(JSON.stringify({ status: "starting" }));
}

export async function listenGated(port: number, host: string): Promise<GatedServer> {
  let listener: RequestListener | undefined;
  const held: Held[] = [];
  const server = createServer((request, response) => {
    if (listener) return void listener(request, response);
    if (new URL(request.url ?? "/", "http://localhost").pathname === "/healthz") return answerStarting(response);
    held.push([request, response]);
  });
  return {
    server,
    port: await listenOn(server, port, host),
    open(serve) {
      listener = serve;
      for (const [request, response] of held.splice(0)) void serve(request, response);
    },
    close: () => closeServer(server),
  };
}
