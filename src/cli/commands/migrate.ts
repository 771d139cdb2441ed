import { migrateDatabase, migrationState } from "../../db/migrate.ts";
import type { Runtime } from "../../runtime.ts";
import { parseCommandArgs } from "../args.ts";

export async function migrateCommand(args: string[], open: () => Promise<Runtime>): Promise<void> {
  parseCommandArgs("migrate", args, {});
  const runtime = await open();
  await migrateDatabase(runtime.connection);
  const state = await migrationState(runtime.connection);
  process.stdout.write(
    `migrated ${runtime.connection.kind} database (${runtime.connection.location}): ${state.applied}/${state.expected} migrations applied\n`,
  );
}
