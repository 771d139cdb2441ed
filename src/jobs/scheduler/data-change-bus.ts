/**
 * "A source's data changed": published after a run that changed rows, received by every
 * instance so cached views can refresh. Postgres: LISTEN/NOTIFY on one channel (the
 * publisher hears its own notification too, once, like everyone else). PGlite is one
 * process: an EventEmitter shared by every bus opened on the same database handle.
 */
import { EventEmitter } from "node:events";
import type { DatabaseConnection, Db } from "../../db/client.ts";

export const DATA_CHANGED_CHANNEL = "pricewar_data_changed";

export type DataChangeListener = (sourceId: string) => void;

export interface DataChangeBus {
  publish(sourceId: string): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: DataChangeListener): () => void;
  close(): Promise<void>;
}

export async function openDataChangeBus(connection: Pick<DatabaseConnection, "db" | "sql">): Promise<DataChangeBus> {
  const local = new EventEmitter();
  const subscribe = (listener: DataChangeListener) => {
    local.on("change", listener);
    return () => void local.off("change", listener);
  };

  if (connection.sql) {
    const sql = connection.sql;
    const listening = await sql.listen(DATA_CHANGED_CHANNEL, (sourceId) => local.emit("change", sourceId));
    return {
      publish: async (sourceId) => void (await sql.notify(DATA_CHANGED_CHANNEL, sourceId)),
      subscribe,
      close: async () => {
        local.removeAllListeners();
        await listening.unlisten();
      },
    };
  }

  const shared = sharedEmitter(connection.db);
  const forward = (sourceId: string) => local.emit("change", sourceId);
  shared.on("change", forward);
  return {
    // Delivered asynchronously, as a notification would be.
    publish: async (sourceId) => void setImmediate(() => shared.emit("change", sourceId)),
    subscribe,
    close: async () => {
      shared.off("change", forward);
      local.removeAllListeners();
    },
  };
}

const emitters = new WeakMap<Db, EventEmitter>();

function sharedEmitter(db: Db): EventEmitter {
  let emitter = emitters.get(db);
  if (!emitter) {
    emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    emitters.set(db, emitter);
  }
  return emitter;
}
