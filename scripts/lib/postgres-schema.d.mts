export const POSTGRES_SCHEMA: string;
export function toPostgres(schema: string): string;
export function writePostgresSchema(source?: string, file?: string): string;
