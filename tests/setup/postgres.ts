import pg from "pg";

// With TEST_POSTGRES_URL (a PostgreSQL server's URL, e.g. from scripts/pg-cluster.mjs),
// Vitest runs on PostgreSQL: one migrated template database per run, and a copy of
// it for each test file, as SQLite gets a copied file.

export const TEMPLATE_DB = "shiftline_test_template";

export const testPostgres = () => process.env.TEST_POSTGRES_URL || undefined;

export function databaseIn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
