/**
 * A webhook receiver on 127.0.0.1 for tests. Per path it knows the subscription's
 * secret and verifies every signature; a `decide` function picks, per request, whether to
 * answer 200 (then the idempotency key counts as accepted), 500, hang (no answer: the
 * sender's time limit fires), or crash (the server closes with the request in flight,
 * and listens again on the same port after a pause).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, verifySignature } from "../../src/jobs/webhooks/signature.ts";

export type Behaviour = "ok" | "fail" | "hang" | "crash";

export interface ReceivedRequest {
  path: string;
  key: string;
  attempt: number;
  signatureValid: boolean;
  body: { id: string; type: string; subscription: number; change?: { id: number } };
  behaviour: Behaviour;
}

export class TestReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** path -> idempotency keys answered 200, in order (a key twice: the sender missed the first answer). */
  readonly accepted = new Map<string, string[]>();
  /** path -> keys processed, deduplicated by idempotency key as a receiver should. */
  readonly processed = new Map<string, Set<string>>();
  readonly secrets = new Map<string, string>();
  restarts = 0;
  private server: Server;
  port = 0;

  constructor(private readonly decide: (request: Omit<ReceivedRequest, "behaviour">, receiver: TestReceiver) => Behaviour, private readonly downMs = 400) {
    this.server = createServer((request, response) => {
      void this.handle(request).then((behaviour) => {
        if (behaviour === "ok") response.writeHead(200).end("ok");
        else if (behaviour === "fail") response.writeHead(500).end("receiver error");
        else if (behaviour === "crash") this.crash();
        // "hang": never answer
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.port, "127.0.0.1", () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  acceptedCount(path: string): number {
    return this.accepted.get(path)?.length ?? 0;
  }

  private async handle(request: IncomingMessage): Promise<Behaviour> {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString("utf8");
    const path = request.url ?? "/";
    const secret = this.secrets.get(path) ?? "";
    const seen = {
      path,
      key: String(request.headers[IDEMPOTENCY_HEADER]),
      attempt: Number(request.headers["pricewar-delivery-attempt"]),
      signatureValid: verifySignature(secret, request.headers[SIGNATURE_HEADER] as string | undefined, text),
      body: JSON.parse(text),
    };
    const behaviour = this.decide(seen, this);
    // Counted at once, so a request decided meanwhile already sees the crash.
    if (behaviour === "crash") this.restarts += 1;
    this.requests.push({ ...seen, behaviour });
    if (behaviour === "ok") {
      this.accepted.set(path, [...(this.accepted.get(path) ?? []), seen.key]);
      this.processed.set(path, (this.processed.get(path) ?? new Set()).add(seen.key));
    }
    return behaviour;
  }

  private crash(): void {
    this.server.close();
    this.server.closeAllConnections();
    setTimeout(() => void this.start(), this.downMs);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
