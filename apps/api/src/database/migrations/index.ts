import { Foundation1764000000000 } from './1764000000000-Foundation';

/** Every migration in order. They use the QueryRunner API so each runs on SQLite and PostgreSQL. */
export const MIGRATIONS: Function[] = [Foundation1764000000000];
