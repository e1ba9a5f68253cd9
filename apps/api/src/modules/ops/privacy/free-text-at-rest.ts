import { Injectable } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type InsertEvent, type LoadEvent, type UpdateEvent } from 'typeorm';
import type { EntityMetadata } from 'typeorm';
import { PersonalDataCipher } from '../../../common/crypto/personal-data';
import { Complaint, ComplaintEvent, ComplaintReply, ComplaintTask } from '../../complaint/complaint.entity';
import { Delivery, StaffNotification } from '../../notification/notification.entity';
import { OutboxMessage } from '../../outbox/outbox.entity';

/**
 * Keys whose string values inside a JSON column are free text a person typed or a template rendered with personal
 * data (notes, comments, reply drafts, e-mail bodies, rule explanations quoting the text). Everything else in those
 * columns (codes, ids, states, numbers) stays readable: the modules filter and group on it.
 */
export const FREE_TEXT_KEYS = new Set([
  'text',
  'title',
  'body',
  'subject',
  'comment',
  'note',
  'result',
  'solution',
  'rootCause',
  'reason',
  'requestedRemedy',
  'explanation',
]);

/** Per table: the text columns encrypted whole, and the JSON columns whose free-text keys are encrypted. */
export interface AtRestFields {
  text: string[];
  json: string[];
}

export const AT_REST: [Function, AtRestFields][] = [
  // the complaint: its text, and the copies in the stored decision facts and the pending reply draft
  [Complaint, { text: ['title', 'text', 'requestedRemedy'], json: ['facts', 'pendingReply'] }],
  [ComplaintEvent, { text: [], json: ['data'] }],
  [ComplaintReply, { text: ['subject', 'body'], json: [] }],
  [ComplaintTask, { text: ['result'], json: [] }],
  [OutboxMessage, { text: [], json: ['payload'] }],
  [Delivery, { text: ['subject', 'body'], json: [] }],
  [StaffNotification, { text: ['title', 'body'], json: [] }],
];

type Transform = (value: string) => string;

/** A copy of a JSON value with every string under a free-text key passed through `fn` (never mutates the input). */
export function mapFreeText(value: unknown, fn: Transform, inside = false): unknown {
  if (typeof value === 'string') return inside ? fn(value) : value;
  if (Array.isArray(value)) return value.map((v) => mapFreeText(v, fn, inside));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapFreeText(v, fn, inside || FREE_TEXT_KEYS.has(k))]));
  }
  return value;
}

/**
 * Free text encrypted at rest (AES-256-GCM, the structured personal fields' cipher and key) and decrypted as rows
 * are loaded, for every table in AT_REST. It is a TypeORM subscriber, so every module keeps reading and writing
 * plain entities through the repository — search, the classifier, incident grouping, templates and exports see
 * the text as written; only the database holds ciphertext. Values already encrypted are left alone (idempotent,
 * so a backfill and a later save never double-encrypt) and plain values read as they are (rows written before
 * this existed stay readable until the backfill reaches them). Raw SQL reads (`getRawMany`, `query`) bypass it:
 * nothing reads these columns that way.
 */
@Injectable()
export class FreeTextAtRest implements EntitySubscriberInterface {
  private readonly fields = new Map<Function, AtRestFields>(AT_REST);

  constructor(
    dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {
    dataSource.subscribers.push(this);
  }

  readonly encryptValue: Transform = (value) =>
    value === '' || PersonalDataCipher.isEncrypted(value) ? value : this.cipher.encrypt(value);
  readonly decryptValue: Transform = (value) => this.cipher.decrypt(value) ?? value;

  /** The plain values of rows being written, put back after the write instead of decrypting what was just encrypted. */
  private readonly plainBeforeWrite = new WeakMap<object, [string, unknown][]>();

  private apply(metadata: EntityMetadata | undefined, row: Record<string, unknown> | undefined, fn: Transform): void {
    const fields = metadata && row ? this.fields.get(metadata.target as Function) : undefined;
    if (!fields || !row) return;
    const plain: [string, unknown][] = [];
    for (const key of fields.text) {
      if (typeof row[key] !== 'string') continue;
      plain.push([key, row[key]]);
      row[key] = fn(row[key] as string);
    }
    for (const key of fields.json) {
      if (!row[key] || typeof row[key] !== 'object') continue;
      plain.push([key, row[key]]);
      row[key] = mapFreeText(row[key], fn);
    }
    if (fn === this.encryptValue && plain.length) this.plainBeforeWrite.set(row, plain);
  }

  /** After a write: the values as they were before `apply` encrypted them (decrypted when unknown). */
  private restore(metadata: EntityMetadata | undefined, row: Record<string, unknown> | undefined): void {
    const plain = row ? this.plainBeforeWrite.get(row) : undefined;
    if (!plain) return this.apply(metadata, row, this.decryptValue);
    this.plainBeforeWrite.delete(row!);
    for (const [key, value] of plain) row![key] = value;
  }

  afterLoad(entity: Record<string, unknown>, event?: LoadEvent<Record<string, unknown>>): void {
    this.apply(event?.metadata, entity, this.decryptValue);
  }

  beforeInsert(event: InsertEvent<Record<string, unknown>>): void {
    this.apply(event.metadata, event.entity, this.encryptValue);
  }

  afterInsert(event: InsertEvent<Record<string, unknown>>): void {
    this.restore(event.metadata, event.entity);
  }

  beforeUpdate(event: UpdateEvent<Record<string, unknown>>): void {
    this.apply(event.metadata, event.entity as Record<string, unknown> | undefined, this.encryptValue);
  }

  afterUpdate(event: UpdateEvent<Record<string, unknown>>): void {
    this.restore(event.metadata, event.entity as Record<string, unknown> | undefined);
  }
}
