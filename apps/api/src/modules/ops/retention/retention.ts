import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, In, LessThanOrEqual, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { Clock } from '../../../common/clock';
import type { CompiledPolicy } from '../../policy/engine/compiled-policy';
import type { AuditActor, AuditService } from '../../audit/audit.service';
import { CLOSED_STATES, Complaint, ComplaintEvent, ComplaintReply, ComplaintTask } from '../../complaint/complaint.entity';
import { Customer } from '../../customer/customer.entity';
import { SlaClock, SlaExtensionRequest } from '../../sla/sla-clock.entity';
import { Delivery, StaffNotification } from '../../notification/notification.entity';
import { OutboxMessage } from '../../outbox/outbox.entity';
import { IncidentMember } from '../../incident/incident.entity';
import { PluginFailure } from '../../plugin-host/plugin-installation.entity';
import { ExportJob } from '../../analytics/analytics.entity';
import { Attachment } from '../../attachment/attachment.entity';
import type { AttachmentStorage } from '../../attachment/attachment-storage';
import { PortalAccess, PortalCode } from '../../portal/portal.entity';

/** Complaints purged per transaction: a purge of years of data never holds one long lock. */
const BATCH = 200;

/**
 * Every table holding a complaint's id together with its personal data or free text: deleted with the complaint.
 * (Classifier training samples are the complaints themselves, read afresh at each training; daily statistics
 * hold counts only and stay.) A new table with a complaint id belongs here.
 */
export const COMPLAINT_TABLES: EntityTarget<ObjectLiteral>[] = [
  ComplaintEvent,
  ComplaintTask,
  ComplaintReply,
  SlaClock,
  SlaExtensionRequest,
  Delivery,
  StaffNotification,
  OutboxMessage,
  IncidentMember,
  PluginFailure,
  Attachment,
  PortalAccess,
  PortalCode,
];

export interface RetentionTypeCount {
  type: string;
  typeName: string | null;
  retentionMonths: number;
  /** Complaints closed at or before this instant are due. */
  closedBefore: Date;
  complaints: number;
}

export interface RetentionReport {
  tenantId: string;
  asOf: Date;
  dryRun: boolean;
  policyVersion: number | null;
  types: RetentionTypeCount[];
  complaints: number;
  /** Complainants whose every complaint is purged (their record goes too). */
  customers: number;
  /** Export files removed (they may hold purged rows); counted on a run only. */
  exportFiles: number;
  /** Attached files (and their thumbnails) removed from the attachment storage; counted on a run only. */
  attachmentFiles: number;
}

type StoredFile = Pick<Attachment, 'storageKey' | 'thumbnailKey'>;

export interface RetentionDeps {
  dataSource: DataSource;
  clock: Clock;
  audit: AuditService;
  /** The data directory: export files in `exports/`. */
  dataDir: string;
  /** Where attached files live (local disk or S3): a purged complaint's files are deleted there too. */
  storage: Pick<AttachmentStorage, 'delete'>;
  currentPolicy: (tenantId: string) => Promise<CompiledPolicy | null>;
}

/** `months` calendar months before `at` (UTC), clamped to the month's last day (31 Mar − 1 month = 28/29 Feb). */
export function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * Retention: closed complaints whose type's period (`retentionMonths`, current policy, inherited down the type
 * tree) has passed since closure are purged with everything that carries their personal data. `report` is the dry
 * run (what would go, per type); `purge` does it, batch by batch, and writes one audit entry with the counts.
 */
export class RetentionPurger {
  constructor(private readonly deps: RetentionDeps) {}

  async report(tenantId: string, dryRun = true): Promise<RetentionReport> {
    const asOf = this.deps.clock.now();
    const policy = await this.deps.currentPolicy(tenantId);
    const types: RetentionTypeCount[] = [];
    const typeKeys = await this.closedTypeKeys(tenantId);
    for (const type of typeKeys) {
      const months = policy?.retentionMonths(type) ?? null;
      if (months === null) continue;
      const closedBefore = monthsBefore(asOf, months);
      const complaints = await this.deps.dataSource.getRepository(Complaint).count({ where: this.due(tenantId, type, closedBefore) });
      const name = policy?.complaintType(type)?.name;
      if (complaints) types.push({ type, typeName: name?.zh ?? null, retentionMonths: months, closedBefore, complaints });
    }
    const customers = types.length ? await this.orphanedCustomers(tenantId, types) : 0;
    return {
      tenantId,
      asOf,
      dryRun,
      policyVersion: policy?.version ?? null,
      types,
      complaints: types.reduce((n, t) => n + t.complaints, 0),
      customers,
      exportFiles: 0,
      attachmentFiles: 0,
    };
  }

  async purge(actor: AuditActor): Promise<RetentionReport> {
    const report = await this.report(actor.tenantId, false);
    let customers = 0;
    const attachments: StoredFile[] = [];
    for (const type of report.types) {
      for (;;) {
        const batch = await this.deps.dataSource.getRepository(Complaint).find({
          select: { id: true, customerId: true },
          where: this.due(actor.tenantId, type.type, type.closedBefore),
          order: { closedAt: 'ASC' },
          take: BATCH,
        });
        if (!batch.length) break;
        customers += await this.deps.dataSource.transaction((manager) => this.purgeBatch(manager, actor.tenantId, batch, attachments));
      }
    }
    const exportFiles = report.complaints ? await this.removeExports(actor.tenantId, report.asOf) : 0;
    const attachmentFiles = await this.removeAttachments(attachments);
    const result = { ...report, customers, exportFiles, attachmentFiles };
    await this.deps.audit.record(actor, 'retention_purge', 'complaints', null, null, {
      asOf: report.asOf.toISOString(),
      policyVersion: report.policyVersion,
      complaints: report.complaints,
      customers,
      exportFiles,
      attachmentFiles,
      types: report.types.map((t) => ({
        type: t.type,
        retentionMonths: t.retentionMonths,
        closedBefore: t.closedBefore.toISOString(),
        complaints: t.complaints,
      })),
    });
    return result;
  }

  private due(tenantId: string, type: string, closedBefore: Date) {
    return { tenantId, typeKey: type, state: In(CLOSED_STATES), closedAt: LessThanOrEqual(closedBefore) };
  }

  private async closedTypeKeys(tenantId: string): Promise<string[]> {
    const rows = await this.deps.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .select('DISTINCT c.type_key', 'type')
      .where('c.tenant_id = :tenantId AND c.state IN (:...closed)', { tenantId, closed: CLOSED_STATES })
      .getRawMany<{ type: string }>();
    return rows.map((r) => r.type).sort();
  }

  /** Complainants all of whose complaints are due (so their record would go). */
  private async orphanedCustomers(tenantId: string, types: RetentionTypeCount[]): Promise<number> {
    const repo = this.deps.dataSource.getRepository(Complaint);
    const due = new Map<string, number>();
    for (const t of types) {
      const rows = await repo.find({ select: { id: true, customerId: true }, where: this.due(tenantId, t.type, t.closedBefore) });
      for (const r of rows) due.set(r.customerId, (due.get(r.customerId) ?? 0) + 1);
    }
    let orphaned = 0;
    const ids = [...due.keys()];
    for (let i = 0; i < ids.length; i += BATCH) {
      const slice = ids.slice(i, i + BATCH);
      const totals = await repo
        .createQueryBuilder('c')
        .select('c.customer_id', 'customer')
        .addSelect('COUNT(*)', 'n')
        .where('c.tenant_id = :tenantId AND c.customer_id IN (:...slice)', { tenantId, slice })
        .groupBy('c.customer_id')
        .getRawMany<{ customer: string; n: string | number }>();
      for (const row of totals) if (Number(row.n) === due.get(row.customer)) orphaned += 1;
    }
    return orphaned;
  }

  /** One batch in one transaction: the complaints' rows everywhere, then complainants left without a complaint. */
  private async purgeBatch(
    manager: EntityManager,
    tenantId: string,
    batch: Pick<Complaint, 'id' | 'customerId'>[],
    attachments: StoredFile[],
  ): Promise<number> {
    const ids = batch.map((c) => c.id);
    // The files' rows go in this transaction; their bytes after it commits (a rolled-back batch keeps its files).
    const files = await manager
      .getRepository(Attachment)
      .find({ select: { storageKey: true, thumbnailKey: true }, where: { tenantId, complaintId: In(ids) } });
    attachments.push(...files);
    for (const table of COMPLAINT_TABLES) await manager.delete(table, { tenantId, complaintId: In(ids) });
    await manager.delete(Complaint, { tenantId, id: In(ids) });
    const customerIds = [...new Set(batch.map((c) => c.customerId))];
    const kept = await manager
      .getRepository(Complaint)
      .find({ select: { customerId: true }, where: { tenantId, customerId: In(customerIds) } });
    const stillUsed = new Set(kept.map((c) => c.customerId));
    const orphaned = customerIds.filter((id) => !stillUsed.has(id));
    if (orphaned.length) await manager.delete(Customer, { tenantId, id: In(orphaned) });
    return orphaned.length;
  }

  /** The purged complaints' files and thumbnails, from whichever storage holds them (each upload has its own key). */
  private async removeAttachments(files: StoredFile[]): Promise<number> {
    for (const file of files) {
      for (const key of [file.storageKey, file.thumbnailKey]) if (key) await this.deps.storage.delete(key);
    }
    return files.length;
  }

  /** Every export file of the tenant made before the purge: any of them may list a purged complaint. */
  private async removeExports(tenantId: string, asOf: Date): Promise<number> {
    const repo = this.deps.dataSource.getRepository(ExportJob);
    const jobs = await repo.find({ where: { tenantId, requestedAt: LessThanOrEqual(asOf) } });
    for (const job of jobs) rmSync(join(this.deps.dataDir, 'exports', `${job.id}.${job.format}`), { force: true });
    if (jobs.length) await repo.delete({ id: In(jobs.map((j) => j.id)) });
    return jobs.length;
  }
}
