import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config/config';
import { createApp } from './app.factory';

async function bootstrap() {
  const config = loadConfig();
  // The embedded SQLite default migrates itself so `npm start` needs nothing else; PostgreSQL in production
  // is migrated by `npm run migrate` and the API refuses to start on an unmigrated schema.
  const autoMigrate = process.env.REDRESS_AUTO_MIGRATE === '1' || (config.database.type === 'sqlite' && !config.production);
  // LOG_LEVEL=error|warn|log|debug: that level and the more severe ones, as JSON lines on standard output.
  const levels = ['error', 'warn', 'log', 'debug'] as const;
  const logger = levels.slice(0, Math.max(0, levels.indexOf(config.logLevel)) + 1);
  const app = await createApp({ config, autoMigrate, logger: [...logger] });
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  new Logger('Redress').log(`API and console on http://localhost:${config.port} (GraphQL /graphql, health /health, ${where})`);
}

bootstrap().catch((error) => {
  console.error(`Redress failed to start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
