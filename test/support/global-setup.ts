import type { TestProject } from 'vitest/node';
import { startPostgres, type PostgresServer } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

let server: PostgresServer | undefined;

/** One throwaway PostgreSQL server for the whole run; each test app gets its own database in it. */
export default async function setup(project: TestProject) {
  if (process.env.REDRESS_TEST_DB === 'sqlite') {
    project.provide('postgresAdminUrl', '');
    return;
  }
  server = await startPostgres();
  project.provide('postgresAdminUrl', server.url('postgres'));
  return async () => {
    await server?.stop();
  };
}
