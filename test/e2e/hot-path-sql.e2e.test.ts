import { Column, DataSource, Entity, type EntitySubscriberInterface, type InsertEvent } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, JsonColumn } from '../../apps/api/src/common/db/columns';
import { fastInsert } from '../../apps/api/src/database/fast-insert';
import { cachedStatement } from '../../apps/api/src/database/statement-cache';
import { newPostgresDatabase, testDatabases } from '../support/test-app';

@Entity('fast_thing')
class Thing {
  @IdColumn() id!: string;
  @Column({ type: 'boolean', default: true }) flag!: boolean;
  @Column({ type: 'integer', default: 7 }) count!: number;
  @Column({
    type: 'varchar',
    length: 40,
    nullable: true,
    transformer: { to: (v?: string | null) => v?.toUpperCase(), from: (v: string) => v },
  })
  code!: string | null;
  @DateTimeColumn({ name: 'happened_at' }) happenedAt!: Date;
  @JsonColumn({ nullable: true }) data!: Record<string, unknown> | null;
  @CreatedAtColumn() createdAt!: Date;
}

/** Stands for the free-text encryption at rest: changes a row before its insert and puts it back after. */
class Sealing implements EntitySubscriberInterface<Thing> {
  after: string[] = [];
  listenTo() {
    return Thing;
  }
  beforeInsert(event: InsertEvent<Thing>) {
    if (event.entity.data) event.entity.data = { ...event.entity.data, sealed: true };
  }
  afterInsert(event: InsertEvent<Thing>) {
    this.after.push(event.entity.id);
  }
}

const at = new Date('2026-11-30T08:15:30.123Z');
const thing = (id: string, over: Partial<Thing> = {}): Thing =>
  Object.assign(new Thing(), { id, flag: false, count: 3, code: 'ab-1', happenedAt: at, data: { text: '排队', n: [1, 2] }, ...over });

/**
 * The intake's hot path skips the query builder's per-call work: its inserts (database/fast-insert.ts) must store
 * exactly what the query builder stores — value conversion, defaults, subscribers — and its cached selects
 * (database/statement-cache.ts) must find exactly what the query builder finds, on both databases.
 */
describe.each(testDatabases())('fastInsert on %s', (db) => {
  let source: DataSource;
  let sealing: Sealing;
  beforeAll(async () => {
    const options =
      db === 'sqlite'
        ? ({ type: 'better-sqlite3', database: ':memory:' } as const)
        : ({ type: 'postgres', url: await newPostgresDatabase() } as const);
    source = new DataSource({ ...options, entities: [Thing], synchronize: true });
    await source.initialize();
    sealing = new Sealing();
    source.subscribers.push(sealing);
  });
  afterAll(() => source?.destroy());

  const stored = async (id: string) => {
    const [row] = await source.query(`SELECT * FROM fast_thing WHERE id = ${db === 'postgres' ? '$1' : '?'}`, [id]);
    // The creation stamp is the database's clock: compared for presence only.
    expect(row.created_at).toBeTruthy();
    delete row.created_at;
    delete row.id;
    return row;
  };

  it('stores the same values as the query builder, with subscribers run before and after', async () => {
    await source.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into(Thing).values(thing('qb')).updateEntity(false).execute();
      await fastInsert(manager, Thing, [thing('fast')]);
    });
    expect(await stored('fast')).toEqual(await stored('qb'));
    const fast = await source.getRepository(Thing).findOneByOrFail({ id: 'fast' });
    expect(fast).toMatchObject({ flag: false, count: 3, code: 'AB-1', happenedAt: at, data: { text: '排队', n: [1, 2], sealed: true } });
    expect(sealing.after).toContain('fast');
  });

  it('leaves out what a row does not give (database defaults), several rows in one statement', async () => {
    await source.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into(Thing).values({ id: 'qb-defaults', happenedAt: at }).updateEntity(false).execute();
      await fastInsert(manager, Thing, [
        Object.assign(new Thing(), { id: 'fast-defaults', happenedAt: at }),
        thing('fast-2', { flag: true, data: null }),
        thing('fast-3', { code: null }),
      ]);
    });
    expect(await stored('fast-defaults')).toEqual(await stored('qb-defaults'));
    const rows = await source.getRepository(Thing).find({ where: [{ id: 'fast-2' }, { id: 'fast-3' }], order: { id: 'ASC' } });
    expect(rows.map((r) => [r.id, r.flag, r.code, r.data])).toEqual([
      ['fast-2', true, 'AB-1', null],
      ['fast-3', false, null, { text: '排队', n: [1, 2], sealed: true }],
    ]);
  });

  it('orIgnore skips a row that would break a unique index, inside the transaction, without aborting it', async () => {
    await source.transaction(async (manager) => {
      await fastInsert(manager, Thing, [thing('dup', { count: 1 })]);
      await fastInsert(manager, Thing, [thing('dup', { count: 2 }), thing('not-dup')], { orIgnore: true });
    });
    const rows = await source.getRepository(Thing).find({ where: [{ id: 'dup' }, { id: 'not-dup' }], order: { id: 'ASC' } });
    expect(rows.map((r) => [r.id, r.count])).toEqual([
      ['dup', 1],
      ['not-dup', 3],
    ]);
    // Without orIgnore the same row is refused.
    await expect(source.transaction((manager) => fastInsert(manager, Thing, [thing('dup')]))).rejects.toThrow(/unique|duplicate/i);
  });

  it('a statement built once finds what the query builder finds, for every new set of values', async () => {
    await source.transaction((manager) =>
      fastInsert(manager, Thing, [
        thing('s1', { flag: true, happenedAt: new Date('2026-11-01T00:00:00.000Z'), code: 'x' }),
        thing('s2', { flag: true, happenedAt: new Date('2026-11-20T12:00:00.500Z'), code: 'x' }),
        thing('s3', { flag: false, happenedAt: new Date('2026-11-25T00:00:00.000Z'), code: 'x' }),
        thing('s4', { flag: true, happenedAt: new Date('2026-11-28T00:00:00.000Z'), code: 'y' }),
      ]),
    );
    const query = (flag: boolean, since: Date, code: string) =>
      source
        .getRepository(Thing)
        .createQueryBuilder('t')
        .select('COUNT(*)', 'n')
        .where('t.flag = :flag AND t.happenedAt >= :since AND t.code = :code', { flag, since, code });
    let builds = 0;
    const cached = async (flag: boolean, since: Date, code: string) => {
      const [sql, parameters] = cachedStatement(
        source.manager,
        `test.things|${db}`,
        (v) => {
          builds += 1;
          return query(v.flag as never, v.since as never, v.code).getQueryAndParameters();
        },
        { flag, since, code },
      );
      return Number((await source.query(sql, parameters))[0].n);
    };
    const cases: [boolean, Date, string][] = [
      [true, new Date('2026-11-20T12:00:00.500Z'), 'X'],
      [true, new Date('2026-11-20T12:00:00.501Z'), 'X'],
      [true, new Date('2026-10-01T00:00:00.000Z'), 'X'],
      [false, new Date('2026-10-01T00:00:00.000Z'), 'X'],
      [true, new Date('2026-10-01T00:00:00.000Z'), 'Y'],
    ];
    const expected = [];
    const got = [];
    for (const [flag, since, code] of cases) {
      expected.push(Number((await query(flag, since, code).getRawOne()).n));
      got.push(await cached(flag, since, code));
    }
    expect(expected).toEqual([1, 0, 2, 1, 1]);
    expect(got).toEqual(expected);
    expect(builds).toBe(1);
  });
});
