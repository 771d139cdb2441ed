/**
 * "Change events were committed": a Postgres notification sent by the change_events
 * trigger (migration 0005), so it fires on commit only, once per transaction (Postgres
 * folds identical notifications), whichever process wrote. Every instance's change
 * streams and webhook dispatcher wake on it; each then reads what it has not sent yet,
 * so a notification is a hint, never the data. PGlite delivers the same NOTIFY in process.
 */
import type { DatabaseConnection } from "./client.ts";

export const CHANGE_EVENTS_CHANNEL = "pricewar_change_events";

/** Starts listening; resolves to the function that stops. Without a listenable handle, listens to nothing. */
export async function listenForChangeEvents(connection: Partial<Pick<DatabaseConnection, "sql" | "pglite">>, onChange: () => void): Promise<() => Promise<void>> {
  if (connection.sql) {
    const listening = await connection.sql.listen(CHANGE_EVENTS_CHANNEL, () => onChange());
    return () => listening.unlisten();
  }
  if (connection.pglite) {
    const stop = await connection.pglite.listen(CHANGE_EVENTS_CHANNEL, () => onChange());
    return () => stop();
  }
  return async () => {};
}
