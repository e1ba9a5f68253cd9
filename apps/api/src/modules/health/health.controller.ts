import { Controller, Get, Res } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { pendingMigrations } from '../../database/data-source';

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the database answers and its schema is current; 503 otherwise (for load balancers). */
  @Public()
  @Get()
  async health(@Res() reply: FastifyReply) {
    const started = Date.now();
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await pendingMigrations(this.dataSource);
      const body = {
        status: pending.length ? 'degraded' : 'ok',
        database: { type: this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite', reachable: true, latencyMs: Date.now() - started },
        migrations: { current: pending.length === 0, pending },
      };
      return reply.status(pending.length ? 503 : 200).send(body);
    } catch (error) {
      return reply.status(503).send({ status: 'down', database: { reachable: false, error: (error as Error).message } });
    }
  }
}
