import { migrateDatabase, migrationState } from "../../db/migrate.ts";
import type { Runtime } from "../../runtime.ts";

export async function migrateCommand(runtime: Runtime): Promise<void> {
  await migrateDatabase(runtime.connection);
  const state = await migrationState(runtime.connection);
  process.stdout.write(
    `migrated ${runtime.connection.kind} database (${runtime.connection.location}): ${state.applied}/${state.expected} migrations applied\n`,
  );
}
