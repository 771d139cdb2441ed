import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stderr, so stdout stays clean for CLI output and --json. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "pricewar" } }, pino.destination(2));
}
