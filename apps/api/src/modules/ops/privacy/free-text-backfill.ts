import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../../../common/crypto/personal-data';
import { AT_REST, FreeTextAtRest, mapFreeText } from './free-text-at-rest';

const BATCH = 200;

/**
 * Startup backfill: rows written before free text was encrypted at rest are encrypted in the background, in
 * batches by id, after the application starts (the database filters out rows already holding ciphertext, so a
 * restart after the backfill reads only rows without any free text) (reads stay tolerant meanwhile: a plain value reads as itself).
 * It reads the raw columns (not through the decrypting subscriber) to see which rows are still plain, and writes
 * only those; running it again finds nothing to do. Returns the number of rows encrypted per table.
 */
@Injectable()
export class FreeTextBackfill implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FreeTextBackfill');
  private running: Promise<Record<string, number>> | null = null;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly atRest: FreeTextAtRest,
  ) {}

  onApplicationBootstrap(): void {
    // in the background: a large table must not hold the start-up (and readiness) back
    setImmediate(
      () =>
        void this.run().catch((error: Error) => {
          if (!this.stopping) this.logger.error(`backfill stopped: ${error.message}`);
        }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  run(): Promise<Record<string, number>> {
    this.running ??= this.backfill().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async backfill(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [target, fields] of AT_REST) {
      const metadata = this.dataSource.getMetadata(target);
      const columns = [...fields.text, ...fields.json].map((key) => ({
        key,
        json: fields.json.includes(key),
        column: metadata.findColumnWithPropertyName(key)!.databaseName,
      }));
      let after = '';
      let encrypted = 0;
      for (;;) {
        if (this.stopping) return counts;
        const qb = this.dataSource
          .createQueryBuilder()
          .from(metadata.tableName, 't')
          .select('t.id', 'id')
          .where('t.id > :after', { after })
          .orderBy('t.id', 'ASC')
          .limit(BATCH);
        for (const c of columns) qb.addSelect(`t.${c.column}`, c.key);
        // only rows that may still hold plain text cross the wire (a JSON value without any ciphertext, a plain column)
        qb.andWhere(
          `(${columns
            .map((c) =>
              c.json
                ? `(t.${c.column} IS NOT NULL AND t.${c.column} NOT LIKE '%enc:v1:%')`
                : `(t.${c.column} IS NOT NULL AND t.${c.column} <> '' AND t.${c.column} NOT LIKE 'enc:v1:%')`,
            )
            .join(' OR ')})`,
        );
        const rows = await qb.getRawMany<Record<string, string | null>>();
        if (!rows.length) break;
        after = String(rows[rows.length - 1].id);
        for (const row of rows) {
          const set: Record<string, unknown> = {};
          for (const c of columns) {
            const raw = row[c.key];
            if (raw === null || raw === undefined || raw === '') continue;
            if (!c.json) {
              if (!PersonalDataCipher.isEncrypted(raw)) set[c.key] = this.atRest.encryptValue(raw);
              continue;
            }
            const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
            let plain = false;
            mapFreeText(value, (v) => {
              if (v !== '' && !PersonalDataCipher.isEncrypted(v)) plain = true;
              return v;
            });
            if (plain) set[c.key] = mapFreeText(value, this.atRest.encryptValue);
          }
          if (!Object.keys(set).length) continue;
          // the subscriber sees ciphertext and leaves it as it is
          await this.dataSource
            .createQueryBuilder()
            .update(target)
            .set(set as never)
            .where('id = :id', { id: row.id })
            .execute();
          encrypted += 1;
        }
      }
      if (encrypted)
        this.logger.log(`encrypted the free text of ${encrypted} ${metadata.tableName} row(s) written before encryption at rest`);
      counts[metadata.tableName] = encrypted;
    }
    return counts;
  }
}
