import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { checkpointElsewhere } from "./checkpointer";

// `synchronous` and `busy_timeout` are per connection and the adapter exposes no
// hook, so they are set right after it connects. WAL is stored in the file.
const CONNECTION_PRAGMAS =
  "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";

export function sqliteAdapter(file: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSQLite3({ url: file, timeout: 5000 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await inner.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      const release = await checkpointElsewhere(file, (pages) =>
        adapter.executeScript(`PRAGMA wal_autocheckpoint = ${pages};`),
      );
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await release();
        return dispose();
      };
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}
