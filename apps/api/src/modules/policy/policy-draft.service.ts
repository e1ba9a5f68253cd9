import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { defaultEngine, type DecisionTable } from '@redress/rules';
import {
  factSchemaFor,
  type FactSchema,
  type HolidaySchedule,
  type PolicyCollection,
  type PolicyDocument,
  type PolicySettings,
} from '@redress/sdk';
import { PolicyDraftItem } from './policy-draft-item.entity';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { PolicyErrors } from './policy.exception';
import {
  documentFromRows,
  rowsFromDocument,
  RULE_SETS_COLLECTION,
  SETTINGS_COLLECTION,
  SETTINGS_KEY,
  type DraftRow,
  type RuleSetKey,
} from './engine/policy-document';
import { checkDocumentShape } from './engine/document-shape';
import { unknownTemplateVariables } from './engine/validate-policy';
import { calendarConfigProblems, type CalendarValues } from '../sla/calendar/calendar-problems';
import { numberPatternProblems } from '../complaint/numbering';
import { holidayScheduleProblems, parseHolidayNotice, scheduleConflicts } from '../sla/calendar/holiday-schedule';
import { isEmptyTableProblem, type PolicyProblem } from './engine/policy-problem';
import { POLICY_FACT_EXTENSIONS, type PolicyFactExtensions } from './policy-fact-extensions';

/** Who changes the draft; `undefined` is the system (demo seeder, plugin installation). */
export type PolicyActor = Omit<AuditActor, 'tenantId'> | undefined;
export const auditActorOf = (tenantId: string, actor: PolicyActor): AuditActor => ({ tenantId, ...(actor ?? { role: 'system' }) });

/** Problems as they travel in `extensions.problems`: the readable path, also under `field` like input errors. */
export const problemsForError = (problems: PolicyProblem[], prefix = '') =>
  problems.map((p) => ({ field: prefix ? `${prefix}.${p.path}` : p.path, ...p }));

/**
 * The editable draft of a tenant's policy, stored as one row per object. Every change is audited with before/after
 * in the same transaction.
 */
@Injectable()
export class PolicyDraftService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Optional() @Inject(POLICY_FACT_EXTENSIONS) private readonly factExtensions?: PolicyFactExtensions,
  ) {}

  /** The facts rules of this document may read: system facts, its fields, and the facts of plugins it uses. */
  factSchemaOf(document: PolicyDocument): FactSchema {
    return factSchemaFor(document, this.factExtensions?.factsFor(document) ?? {});
  }

  private async rows(tenantId: string, manager: EntityManager = this.dataSource.manager): Promise<PolicyDraftItem[]> {
    return manager.getRepository(PolicyDraftItem).find({ where: { tenantId } });
  }

  /** The draft as a PolicyDocument (collections sorted by key; missing pieces from the empty policy). */
  async draftDocument(tenantId: string, manager?: EntityManager): Promise<PolicyDocument> {
    return documentFromRows(await this.rows(tenantId, manager));
  }

  async upsertItem<T extends { key: string }>(actor: AuditActor, collection: PolicyCollection, item: T): Promise<T> {
    if (collection === 'templates') this.assertTemplateVariables(item as unknown as { body?: string; subject?: string });
    if (collection === 'calendars') this.assertCalendar(item as unknown as CalendarValues);
    return this.dataSource.transaction(async (manager) => {
      if (collection === 'holidaySchedules') await this.assertHolidaySchedule(manager, actor.tenantId, item as unknown as HolidaySchedule);
      const before = await this.write(manager, actor.tenantId, collection, item.key, item, actor);
      await this.audit.record(actor, before === undefined ? 'create' : 'update', collection, item.key, before ?? null, item, manager);
      return item;
    });
  }

  async deleteItem(actor: AuditActor, collection: PolicyCollection, key: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PolicyDraftItem);
      const row = await repository.findOne({ where: { tenantId: actor.tenantId, collection, key } });
      if (!row) throw PolicyErrors.create('OBJECT_NOT_FOUND', { field: 'key', params: { collection, key } });
      await repository.delete({ id: row.id });
      await this.audit.record(actor, 'delete', collection, key, row.data, null, manager);
      return true;
    });
  }

  /**
   * Replaces one decision table after checking every rule against the draft's fact schema. Problems come back with
   * their JSON paths (`table.rows[0].when.and[1]`) in `extensions.problems`.
   */
  async setRuleSet(actor: AuditActor, key: RuleSetKey, raw: unknown): Promise<DecisionTable> {
    const table = this.normalizeTable(key, raw);
    const draft = await this.draftDocument(actor.tenantId);
    const problems: PolicyProblem[] = defaultEngine
      .validateTable(table, this.factSchemaOf(draft))
      .filter((p) => !isEmptyTableProblem(p, table.rows))
      .map((p) => ({
        path: p.path.replace(/^\$\.?/, '') || '(table)',
        code: p.code,
        message: p.message,
        ...(p.suggestion ? { suggestion: p.suggestion } : {}),
      }));
    if (problems.length) {
      throw PolicyErrors.create('RULE_SET_INVALID', {
        field: 'table',
        problems: problemsForError(problems, 'table'),
        params: {
          key,
          count: problems.length,
          detail: problems
            .slice(0, 3)
            .map((p) => `${p.path}: ${p.message}`)
            .join('; '),
        },
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await this.write(manager, actor.tenantId, RULE_SETS_COLLECTION, key, table, actor);
      await this.audit.record(actor, 'set_rule_set', RULE_SETS_COLLECTION, key, before ?? null, table, manager);
      return table;
    });
  }

  async updateSettings(actor: AuditActor, patch: Partial<PolicySettings>): Promise<PolicySettings> {
    if (patch.numberPattern !== undefined && patch.numberPattern !== null) {
      const problems = numberPatternProblems(patch.numberPattern);
      if (problems.length) {
        throw PolicyErrors.create('NUMBER_PATTERN_INVALID', {
          field: 'input.numberPattern',
          params: { pattern: patch.numberPattern, detail: problems.map((p) => p.message).join('; ') },
          problems: problems.map((p) => ({ field: 'input.numberPattern', code: p.code, message: p.message })),
        });
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const current = (await this.draftDocument(actor.tenantId, manager)).settings;
      const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined && value !== null));
      const next = { ...current, ...changes } as PolicySettings;
      await this.write(manager, actor.tenantId, SETTINGS_COLLECTION, SETTINGS_KEY, next, actor);
      await this.audit.record(actor, 'update_settings', SETTINGS_COLLECTION, SETTINGS_KEY, current, next, manager);
      return next;
    });
  }

  /** Replaces the whole draft with a document (import, discard, rollback, publishDocument). */
  async replace(tenantId: string, document: PolicyDocument, actor: PolicyActor, manager?: EntityManager): Promise<void> {
    const run = async (m: EntityManager) => {
      const repository = m.getRepository(PolicyDraftItem);
      await repository.delete({ tenantId });
      const now = this.clock.now();
      const rows = rowsFromDocument(document).map((row) =>
        repository.create({
          id: newId(),
          tenantId,
          collection: row.collection,
          key: row.key,
          data: row.data,
          updatedAt: now,
          updatedBy: actor?.userId ?? null,
        }),
      );
      // Chunked: SQLite limits bound parameters per statement.
      for (let i = 0; i < rows.length; i += 50) await repository.insert(rows.slice(i, i + 50) as QueryDeepPartialEntity<PolicyDraftItem>[]);
    };
    if (manager) await run(manager);
    else await this.dataSource.transaction(run);
  }

  /**
   * Adds or overwrites objects by key (plugins apply their presets with it). Rule tables in `partial.rules` replace
   * the draft's table of that key; settings merge member by member.
   */
  async merge(tenantId: string, partial: Partial<PolicyDocument>, actor: PolicyActor): Promise<PolicyDocument> {
    const shape = checkDocumentShape({
      ...partial,
      schemaVersion: 1,
      settings: { defaultCalendar: '', defaultSeverity: '' },
      rules: partial.rules ?? {},
    });
    if (shape.length) {
      throw PolicyErrors.create('IMPORT_INVALID_SHAPE', {
        problems: problemsForError(shape),
        params: {
          detail: shape
            .slice(0, 3)
            .map((p) => `${p.path}: ${p.message}`)
            .join('; '),
        },
      });
    }
    const auditActor = auditActorOf(tenantId, actor);
    return this.dataSource.transaction(async (manager) => {
      const pieces: DraftRow[] = rowsFromDocument({ ...emptyPieces(), ...partial } as PolicyDocument)
        .filter((row) => row.collection !== RULE_SETS_COLLECTION || (partial.rules && row.key in partial.rules))
        .filter((row) => row.collection !== SETTINGS_COLLECTION || partial.settings);
      const current = await this.draftDocument(tenantId, manager);
      for (const row of pieces) {
        const data = row.collection === SETTINGS_COLLECTION ? { ...current.settings, ...(row.data as object) } : row.data;
        await this.write(manager, tenantId, row.collection, row.key, data, auditActor);
      }
      await this.audit.record(
        auditActor,
        'merge',
        'policyDraft',
        null,
        null,
        { objects: pieces.map((p) => `${p.collection}[${p.key}]`) },
        manager,
      );
      return this.draftDocument(tenantId, manager);
    });
  }

  /** Writes one row; returns the previous data (undefined when new). */
  private async write(
    manager: EntityManager,
    tenantId: string,
    collection: string,
    key: string,
    data: unknown,
    actor: Omit<AuditActor, 'tenantId'>,
  ): Promise<unknown> {
    const repository = manager.getRepository(PolicyDraftItem);
    const existing = await repository.findOne({ where: { tenantId, collection, key } });
    const now = this.clock.now();
    if (existing) {
      await repository.update({ id: existing.id }, {
        data,
        updatedAt: now,
        updatedBy: actor.userId ?? null,
      } as QueryDeepPartialEntity<PolicyDraftItem>);
      return existing.data;
    }
    await repository.insert({
      id: newId(),
      tenantId,
      collection,
      key,
      data,
      updatedAt: now,
      updatedBy: actor.userId ?? null,
    } as QueryDeepPartialEntity<PolicyDraftItem>);
    return undefined;
  }

  private assertTemplateVariables(template: { body?: string; subject?: string }): void {
    for (const member of ['body', 'subject'] as const) {
      const unknown = unknownTemplateVariables(template[member]);
      if (unknown.length) {
        throw PolicyErrors.create('TEMPLATE_VARIABLE_UNKNOWN', {
          field: member,
          params: { name: unknown[0] },
          problems: unknown.map((name) => ({ field: member, code: 'UNKNOWN_VARIABLE', message: `Unknown template variable {{${name}}}` })),
        });
      }
    }
  }

  /**
   * A holiday schedule from the State Council notice's table as text (one holiday per line), saved into the draft
   * like `upsertHolidaySchedule`. Every problem comes back at once, at the line it is on.
   */
  async importHolidayNotice(actor: AuditActor, year: number, text: string, source?: string): Promise<HolidaySchedule> {
    const { schedule, problems } = parseHolidayNotice(year, text, source);
    if (problems.length) {
      throw PolicyErrors.create('HOLIDAY_SCHEDULE_INVALID', {
        field: problems[0].path.startsWith('text') ? 'text' : `schedule.${problems[0].path}`,
        params: {
          year,
          count: problems.length,
          detail: problems
            .slice(0, 3)
            .map((p) => `${p.path}: ${p.message}`)
            .join('; '),
        },
        problems: problems.map((p) => ({
          field: p.path.startsWith('text') ? p.path : `schedule.${p.path}`,
          code: p.code,
          message: p.message,
        })),
      });
    }
    return this.upsertItem(actor, 'holidaySchedules', schedule);
  }

  private async assertHolidaySchedule(manager: EntityManager, tenantId: string, schedule: HolidaySchedule): Promise<void> {
    const problems: { path: string; code: string; message: string }[] = holidayScheduleProblems(schedule);
    if (!problems.length) {
      const others = ((await this.draftDocument(tenantId, manager)).holidaySchedules ?? []).filter((s) => s.key !== schedule.key);
      for (const c of scheduleConflicts([...others, schedule]).filter((c) => c.key === schedule.key || c.other === schedule.key)) {
        problems.push({
          path: 'holidays',
          code: 'DATE_IN_TWO_SCHEDULES',
          message: `${c.date} is also decided by the ${c.key === schedule.key ? c.other : c.key} schedule`,
        });
      }
    }
    if (!problems.length) return;
    throw PolicyErrors.create('HOLIDAY_SCHEDULE_INVALID', {
      field: `input.${problems[0].path}`,
      params: {
        year: String(schedule.year),
        count: problems.length,
        detail: problems
          .slice(0, 3)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
      },
      problems: problems.map((p) => ({ field: `input.${p.path}`, code: p.code, message: p.message })),
    });
  }

  /** A calendar is checked whole when saved: its values do not depend on other objects (issue 12 item 4). */
  private assertCalendar(calendar: CalendarValues): void {
    const problems = calendarConfigProblems(calendar);
    if (!problems.length) return;
    throw PolicyErrors.create('CALENDAR_INVALID', {
      field: `input.${problems[0].path}`,
      params: {
        count: problems.length,
        detail: problems
          .slice(0, 3)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
      },
      problems: problems.map((p) => ({ field: `input.${p.path}`, code: p.code, message: p.message })),
    });
  }

  private normalizeTable(key: RuleSetKey, raw: unknown): DecisionTable {
    const problems: PolicyProblem[] = [];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      problems.push({ path: '(table)', code: 'INVALID_TABLE', message: 'A decision table is an object {hitPolicy, rows, default?}' });
    const table = (raw ?? {}) as Partial<DecisionTable>;
    if (!Array.isArray(table.rows)) problems.push({ path: 'rows', code: 'INVALID_TABLE', message: 'rows must be an array' });
    if (table.hitPolicy !== undefined && !['first', 'collect', 'priority'].includes(table.hitPolicy)) {
      problems.push({ path: 'hitPolicy', code: 'INVALID_TABLE', message: 'hitPolicy is first, collect or priority' });
    }
    if (problems.length) {
      throw PolicyErrors.create('RULE_SET_INVALID', {
        field: 'table',
        problems: problemsForError(problems, 'table'),
        params: { key, count: problems.length, detail: problems.map((p) => `${p.path}: ${p.message}`).join('; ') },
      });
    }
    const defaultHitPolicy = key === 'severity' ? 'priority' : 'first';
    // A table read back through GraphQL carries `null` for absent optional members; store them as absent.
    const rows = (table.rows ?? []).map((row) =>
      row && typeof row === 'object'
        ? Object.fromEntries(
            Object.entries(row).filter(([member, value]) => !(value === null && (member === 'priority' || member === 'description'))),
          )
        : row,
    );
    const normalized = { ...table, key, hitPolicy: table.hitPolicy ?? defaultHitPolicy, rows } as DecisionTable;
    if (normalized.default === null) delete normalized.default;
    return normalized;
  }
}

function emptyPieces(): Partial<PolicyDocument> {
  return {
    severityLevels: [],
    complaintTypes: [],
    fields: [],
    channels: [],
    departments: [],
    teams: [],
    calendars: [],
    slaPolicies: [],
    escalations: [],
    templates: [],
    tests: [],
    incidentRules: [],
    rules: {} as PolicyDocument['rules'],
    settings: {} as PolicySettings,
  };
}
