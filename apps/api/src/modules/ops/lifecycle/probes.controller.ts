import { Controller, Get, Res } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../common/auth/decorators';
import { InstanceLifecycle } from './instance-lifecycle';

/** A readiness check gives up after this long: a hung database is "not ready", not a hung probe. */
const READY_TIMEOUT_MS = 2_000;

/**
 * Probes for orchestrators, next to the detailed `/health`: liveness says the process answers (restart it if not),
 * readiness says it should get traffic — the database answers and the instance is not draining.
 */
@Controller('health')
export class ProbesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: InstanceLifecycle,
  ) {}

  @Public()
  @Get('live')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Public()
  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    if (this.lifecycle.draining) return reply.status(503).send({ status: 'draining' });
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      });
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return reply.status(200).send({ status: 'ready' });
    } catch (error) {
      return reply.status(503).send({ status: 'unavailable', database: { reachable: false, error: (error as Error).message } });
    } finally {
      clearTimeout(timer);
    }
  }
}
