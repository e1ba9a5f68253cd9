import { Inject, Injectable, Logger } from '@nestjs/common';
import { COMPLAINT_HEADERS, exportLocaleOf, exportValue, policyName, type ExportLocale } from './export-labels';
import { DataSource, In, LessThan, Repository } from 'typeorm';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import type { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/roles';
import { PersonalDataCipher } from '../../common/crypto/personal-data';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintService } from '../complaint/complaint.service';
import { maskFreeText } from '../complaint/free-text-pii';
import type { ComplaintFilter } from '../complaint/dtos/complaint.inputs';
import type { Customer } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';
import { PolicyService } from '../policy/policy.service';
import { ExportJob } from './analytics.entity';
import { AnalyticsErrors } from './analytics.exception';
import { ComplaintStatsService, type StatsDimension, type StatsResult } from './complaint-stats.service';
import { openTableWriter, type Cell, type ExportColumn, type ExportFormat } from './export-writers';

/** Exports above this many rows run in the background; the caller polls `exportJob`. */
export const BACKGROUND_EXPORT_ROWS = 5_000;
export const EXPORT_TTL_MS = 24 * 3600_000;
const BATCH = 1_000;
/** Complainant columns (decrypted personal data) only for these roles; everyone else gets no complainant columns. */
export const EXPORT_PERSONAL_ROLES: string[] = [Role.admin, Role.manager];

const DIMENSION_HEADERS: Record<StatsDimension, string> = {
  type: '投诉类型',
  cause: '投诉原因',
  department: '责任部门',
  channel: '渠道',
  severity: '严重程度',
  region: '区域',
  week: '周',
  month: '月份',
};

/** Writes statistics tables and complaint lists as CSV / XLSX files in `<dataDir>/exports`, kept 24 hours. */
@Injectable()
export class ExportService {
  private readonly logger = new Logger('Export');
  private readonly directory: string;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly stats: ComplaintStatsService,
    private readonly complaints: ComplaintService,
    private readonly policies: PolicyService,
    private readonly cipher: PersonalDataCipher,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly audit: AuditService,
    private readonly customers: CustomerService,
  ) {
    this.directory = join(config.dataDir, 'exports');
  }

  private get jobs(): Repository<ExportJob> {
    return this.dataSource.getRepository(ExportJob);
  }

  filePath(job: ExportJob): string {
    return join(this.directory, `${job.id}.${job.format}`);
  }

  async get(auth: AuthContext, id: string): Promise<ExportJob> {
    const job = await this.jobs.findOne({ where: { id, tenantId: auth.tenantId } });
    // A job with personal data is only visible to the roles that may see personal data.
    if (!job || (job.params.personal && !EXPORT_PERSONAL_ROLES.includes(auth.role)))
      throw AnalyticsErrors.create('EXPORT_NOT_FOUND', { field: 'id' });
    return job;
  }

  /**
   * The file of a finished, unexpired export for download, and an audit entry saying who took it out, when and
   * from where (the link is the job id: it only works with the caller's credential and only until `expiresAt`).
   */
  async openDownload(auth: AuthContext, id: string): Promise<{ job: ExportJob; path: string }> {
    const job = await this.get(auth, id);
    if (job.status !== 'done') throw AnalyticsErrors.create('EXPORT_NOT_READY', { params: { status: job.status } });
    const path = this.filePath(job);
    // expired even when the sweep has not removed the file yet
    if (job.expiresAt.getTime() <= this.clock.now().getTime() || !existsSync(path)) throw AnalyticsErrors.create('EXPORT_EXPIRED');
    await this.audit.record(auth, 'export_downloaded', job.source, job.id, null, {
      format: job.format,
      rows: job.rowCount ?? null,
      personal: Boolean(job.params.personal),
    });
    return { job, path };
  }

  /** Statistics are small (one row per group): written at once. */
  async exportStats(auth: AuthContext, result: StatsResult, format: ExportFormat): Promise<ExportJob> {
    const job = await this.createJob(auth, 'complaint_stats', format, {
      from: result.from,
      to: result.to,
      groupBy: result.groupBy,
      personal: false,
    });
    await this.run(job, async (progress) => {
      const targets = [...new Set([...result.rows, result.totals].flatMap((r) => r.onTime.map((o) => o.target)))].sort();
      const columns: ExportColumn[] = [
        ...result.groupBy.map((d) => ({ key: d, header: DIMENSION_HEADERS[d] })),
        ...result.groupBy.map((d) => ({ key: `${d}_key`, header: `${DIMENSION_HEADERS[d]}代码` })),
        { key: 'received', header: '受理量' },
        { key: 'valid', header: '有效投诉' },
        { key: 'closed', header: '已结案' },
        { key: 'open', header: '未结案' },
        { key: 'followed_up', header: '已回访' },
        { key: 'satisfied', header: '满意' },
        { key: 'satisfaction_rate', header: '满意率' },
        { key: 'resolved', header: '解决结案' },
        { key: 'effective', header: '有效解决' },
        { key: 'effective_rate', header: '有效解决率' },
        { key: 'avg_minutes', header: '平均处理时长（工作分钟）' },
        ...targets.flatMap((t) => [
          { key: `${t}_stopped`, header: `${t} 完成数` },
          { key: `${t}_rate`, header: `${t} 及时率` },
        ]),
      ];
      const writer = await openTableWriter(format, this.filePath(job), columns, '投诉统计表');
      const rows = [
        ...result.rows,
        { ...result.totals, keys: result.groupBy.map((dimension, i) => ({ dimension, key: null, name: i === 0 ? '合计' : null })) },
      ];
      for (const row of rows) {
        const onTime = new Map(row.onTime.map((o) => [o.target, o]));
        await writer.writeRow([
          ...row.keys.map((k) => k.name),
          ...row.keys.map((k) => k.key),
          row.received,
          row.valid,
          row.closed,
          row.open,
          row.followedUp,
          row.satisfied,
          roundRate(row.satisfactionRate),
          row.resolved,
          row.effectivelyResolved,
          roundRate(row.effectiveResolutionRate),
          row.averageWorkingMinutes,
          ...targets.flatMap((t) => [onTime.get(t)?.stopped ?? 0, roundRate(onTime.get(t)?.rate ?? null)]),
        ]);
      }
      await writer.close();
      await progress(rows.length, 1);
      return rows.length;
    });
    return this.jobs.findOneByOrFail({ id: job.id });
  }

  /** Complaint lists, with the `complaints` query's filter. Large lists are written in the background. */
  async exportComplaints(
    auth: AuthContext,
    filter: ComplaintFilter,
    format: ExportFormat,
    locale: ExportLocale = 'zh-CN',
  ): Promise<ExportJob> {
    const personal = EXPORT_PERSONAL_ROLES.includes(auth.role);
    const base = await this.complaintQuery(auth, filter);
    const total = await base.getCount();
    const job = await this.createJob(auth, 'complaints', format, { filter, personal, expectedRows: total, locale });
    // Who took personal data out of the system, when, from where and with which filter.
    if (personal) await this.audit.record(auth, 'export_personal_data', 'complaints', job.id, null, { filter, format, rows: total });
    const work = this.run(job, (progress) => this.writeComplaints(auth, job, filter, personal, total, progress));
    if (total <= BACKGROUND_EXPORT_ROWS) {
      await work;
    } else {
      this.running.add(work);
      void work.finally(() => this.running.delete(work));
    }
    return this.jobs.findOneByOrFail({ id: job.id });
  }

  /** Waits for background exports (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async complaintQuery(auth: AuthContext, filter: ComplaintFilter) {
    const qb = this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId', { tenantId: auth.tenantId });
    await this.complaints.applyFilter(auth, qb, filter);
    return qb;
  }

  private async writeComplaints(
    auth: AuthContext,
    job: ExportJob,
    filter: ComplaintFilter,
    personal: boolean,
    total: number,
    progress: (rows: number, fraction: number) => Promise<void>,
  ): Promise<number> {
    const policy = await this.policies.getCurrent(auth.tenantId);
    const timeZone = await this.stats.timeZoneOf(auth.tenantId);
    const local = (d?: Date | null) => (d ? formatLocal(d, timeZone) : null);
    const locale = exportLocaleOf(job.params.locale);
    const keys = [
      'number',
      'received_at',
      'channel',
      'type',
      'kind',
      'severity',
      'department',
      'state',
      'valid',
      'invalid_reason',
      'cause',
      'sla_status',
      'resolution_due_at',
      'responded_at',
      'closed_at',
      'satisfaction',
      'satisfaction_score',
      'title',
      ...(personal ? ['customer_name', 'customer_phone', 'customer_email'] : []),
    ];
    const wide = new Set(['received_at', 'resolution_due_at', 'responded_at', 'closed_at']);
    // Headers and platform values in the requesting user's language; policy keys by the policy's names.
    const columns: ExportColumn[] = keys.map((key) => ({
      key,
      header: locale === 'en' ? COMPLAINT_HEADERS[key].en : COMPLAINT_HEADERS[key].zh,
      ...(wide.has(key) ? { width: 20 } : key === 'title' ? { width: 40 } : {}),
    }));
    const writer = await openTableWriter(job.format, this.filePath(job), columns, locale === 'en' ? 'Complaints' : '投诉清单');
    let written = 0;
    try {
      for (let offset = 0; offset < total; offset += BATCH) {
        const page = await (
          await this.complaintQuery(auth, filter)
        )
          .orderBy('c.received_at', 'ASC')
          .addOrderBy('c.number', 'ASC')
          .skip(offset)
          .take(BATCH)
          .getMany();
        if (!page.length) break;
        const customers = personal
          ? await this.customers.findMany(
              auth.tenantId,
              page.map((c) => c.customerId),
            )
          : new Map<string, Customer>();
        for (const c of page) {
          const customer = customers.get(c.customerId);
          const cells: Cell[] = [
            c.number,
            local(c.receivedAt),
            policyName('channel', c.channel, policy, locale),
            policyName('type', c.typeKey, policy, locale),
            exportValue('kind', c.kind, locale),
            policyName('severity', c.severity, policy, locale),
            policyName('department', c.department, policy, locale),
            exportValue('state', c.state, locale),
            exportValue('valid', c.valid, locale),
            policyName('invalid_reason', c.invalidReason, policy, locale),
            c.cause ?? c.predictedCause ?? null,
            exportValue('sla_status', c.slaStatus, locale),
            local(c.resolutionDueAt),
            local(c.respondedAt),
            local(c.closedAt),
            exportValue('satisfaction', c.satisfaction, locale),
            c.satisfactionScore ?? null,
            (personal ? c.title : maskFreeText(c.title)) ?? null,
          ];
          if (personal)
            cells.push(
              this.cipher.decrypt(customer?.nameEnc ?? null),
              this.cipher.decrypt(customer?.phoneEnc ?? null),
              this.cipher.decrypt(customer?.emailEnc ?? null),
            );
          await writer.writeRow(cells);
        }
        written += page.length;
        await progress(written, total ? written / total : 1);
      }
    } finally {
      await writer.close();
    }
    return written;
  }

  private async createJob(auth: AuthContext, source: string, format: ExportFormat, params: Record<string, unknown>): Promise<ExportJob> {
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    const now = this.clock.now();
    const job = this.jobs.create({
      id: newId(),
      tenantId: auth.tenantId,
      requestedBy: auth.userId ?? auth.tokenId ?? null,
      requestedRole: auth.role,
      source,
      format,
      params,
      status: 'pending',
      progress: 0,
      rowCount: null,
      fileName: null,
      error: null,
      requestedAt: now,
      finishedAt: null,
      expiresAt: new Date(now.getTime() + EXPORT_TTL_MS),
    });
    await this.jobs.insert(job as never);
    return job;
  }

  private async run(job: ExportJob, work: (progress: (rows: number, fraction: number) => Promise<void>) => Promise<number>): Promise<void> {
    await this.jobs.update({ id: job.id }, { status: 'running' });
    try {
      const rows = await work((rowCount, fraction) =>
        this.jobs.update({ id: job.id }, { rowCount, progress: Math.min(1, fraction) }).then(() => undefined),
      );
      await this.jobs.update(
        { id: job.id },
        {
          status: 'done',
          progress: 1,
          rowCount: rows,
          fileName: `${job.source}-${job.requestedAt.toISOString().slice(0, 10)}.${job.format}`,
          finishedAt: this.clock.now(),
        },
      );
    } catch (error) {
      this.logger.error(`Export ${job.id} failed: ${(error as Error).message}`);
      rmSync(this.filePath(job), { force: true });
      await this.jobs.update(
        { id: job.id },
        { status: 'failed', error: String((error as Error).message).slice(0, 2000), finishedAt: this.clock.now() },
      );
    }
  }

  /** Removes export files and jobs older than 24 hours. */
  async removeExpired(): Promise<number> {
    const expired = await this.jobs.find({ where: { expiresAt: LessThan(this.clock.now()) } });
    for (const job of expired) rmSync(this.filePath(job), { force: true });
    if (expired.length) await this.jobs.delete({ id: In(expired.map((j) => j.id)) });
    return expired.length;
  }
}

const roundRate = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

/** `YYYY-MM-DD HH:mm` in the tenant's zone (what people read in a spreadsheet). */
function formatLocal(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
