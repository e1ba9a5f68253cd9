import { Controller, Get, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { HolidayCoverageService, type HolidayCoverageReport } from '../sla/holiday-coverage.service';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { pendingMigrations } from '../../database/data-source';

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** How far the holiday data reaches (informational: a missing year flags deadlines, it does not stop the API). */
  private async holidays(): Promise<HolidayCoverageReport | null> {
    try {
      return await this.moduleRef.get(HolidayCoverageService, { strict: false }).report();
    } catch {
      return null;
    }
  }

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
        database: {
          type: this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite',
          reachable: true,
          latencyMs: Date.now() - started,
        },
        migrations: { current: pending.length === 0, pending },
        holidays: pending.length ? null : await this.holidays(),
      };
      return reply.status(pending.length ? 503 : 200).send(body);
    } catch (error) {
      return reply.status(503).send({ status: 'down', database: { reachable: false, error: (error as Error).message } });
    }
  }
}
