import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Clock } from '../../../common/clock';
import { OutboxService } from '../../outbox/outbox.service';
import { SlaClock } from '../../sla/sla-clock.entity';

/** The pg pool behind TypeORM's PostgreSQL driver (counts only). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Prometheus metrics of one API instance, in a registry of its own (several instances in one process — the tests —
 * must not collide in prom-client's global one). Counters and histograms are fed by the GraphQL metrics plugin;
 * the backlog, lag and pool gauges are read at scrape time, so they are as fresh as the scrape.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'redress_graphql_requests_total',
    help: 'GraphQL requests by operation (root fields) and outcome (ok or the error code).',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'redress_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation and outcome.',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly intake = new Counter({
    name: 'redress_intake_accepted_total',
    help: 'submitComplaint calls that returned a complaint (idempotent replays included).',
    registers: [this.registry],
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    // prom-client calls collect() with the gauge as `this`; the service is reached through this alias.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const service = this;
    new Gauge({
      name: 'redress_outbox_messages',
      help: 'Outbox messages by status: pending is the backlog, dead the dead letters.',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const counts = await service.outbox.countByStatus(['pending', 'dead']);
        this.reset();
        for (const [status, count] of counts) this.set({ status }, count);
      },
    });
    new Gauge({
      name: 'redress_sla_scheduler_lag_seconds',
      help: 'How late the oldest due SLA clock is (0 when the scheduler keeps up).',
      registers: [this.registry],
      async collect() {
        const now = service.clock.now();
        const row: { due: string | Date | null } | undefined = await service.dataSource
          .getRepository(SlaClock)
          .createQueryBuilder('c')
          .select('MIN(c.nextFireAt)', 'due')
          .where('c.nextFireAt <= :now', { now })
          .getRawOne();
        const due = row?.due
          ? new Date(typeof row.due === 'string' && !/[zZ+]/.test(row.due) ? `${row.due.replace(' ', 'T')}Z` : row.due)
          : null;
        this.set(due ? Math.max(0, (now.getTime() - due.getTime()) / 1000) : 0);
      },
    });
    new Gauge({
      name: 'redress_db_pool_connections',
      help: 'Database connections by state (PostgreSQL pool; SQLite has one in-process connection).',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = (service.dataSource.driver as unknown as { master?: PgPool }).master;
        this.reset();
        if (pool && typeof pool.totalCount === 'number') {
          this.set({ state: 'total' }, pool.totalCount);
          this.set({ state: 'idle' }, pool.idleCount);
          this.set({ state: 'waiting' }, pool.waitingCount);
        } else {
          this.set({ state: 'total' }, service.dataSource.isInitialized ? 1 : 0);
        }
      },
    });
  }

  /** Records one finished GraphQL request. */
  observe(operation: string, outcome: string, seconds: number): void {
    this.requests.inc({ operation, outcome });
    this.duration.observe({ operation, outcome }, seconds);
  }

  async scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
