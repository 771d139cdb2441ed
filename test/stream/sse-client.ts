/** A minimal Server-Sent Events reader for tests: events (id, event, data) and comments, as they arrive. */
export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

export class SseReader {
  readonly messages: SseMessage[] = [];
  private buffer = "";
  private waiters: Array<() => void> = [];
  readonly done: Promise<void>;

  constructor(readonly response: Response) {
    this.done = this.read();
  }

  private async read(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.response.body as unknown as AsyncIterable<Uint8Array>) {
        this.buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf("\n\n")) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          for (const message of parseBlock(block)) this.messages.push(message);
          this.waiters.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // aborted by the test
    }
  }

  events(): SseMessage[] {
    return this.messages.filter((message) => message.event !== undefined);
  }

  /** Waits until `predicate` holds over the messages so far, or fails after `timeoutMs`. */
  async waitFor(predicate: (messages: SseMessage[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SSE: condition not met in ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

function parseBlock(block: string): SseMessage[] {
  const out: SseMessage[] = [];
  const event: SseMessage = {};
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) out.push({ comment: line.slice(1).trim() });
    else {
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id" || field === "event" || field === "data") event[field] = value;
    }
  }
  if (event.event !== undefined || event.data !== undefined) out.push(event);
  return out;
}
