import { PGlite, types, type QueryOptions } from '@electric-sql/pglite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { withPreparedStatements } from './pglite-prepared'
import { loadTemplate } from './pglite-template'

// The wrapper must be invisible: whatever drizzle asks, it answers what PGlite's own query() does.
describe('PGlite with prepared statements', () => {
  let pg: PGlite
  let prepared: PGlite
  beforeAll(async () => {
    pg = await PGlite.create({ loadDataDir: loadTemplate() })
  })
  beforeEach(async () => {
    // A fresh table and a fresh wrapper, with no statement left prepared by the test before.
    await pg.exec(`deallocate all; drop table if exists t; create table t (id serial primary key, name text unique, tags text[], doc jsonb, raw json, at timestamptz, n int8, ok boolean, price numeric)`)
    prepared = withPreparedStatements(pg)
  })
  afterAll(async () => {
    await pg.close()
  })

  /** Drizzle's options for its queries: dates and times stay strings for its own mapping. */
  const drizzleOptions: QueryOptions = { rowMode: 'object', parsers: { [types.TIMESTAMPTZ]: (value: string) => value, [types.TIMESTAMP]: (value: string) => value } }

  it('answers rows, fields and counts exactly as query() does, in object and array mode', async () => {
    const insert = `insert into t (name, tags, doc, raw, at, n, ok, price) values ($1, $2, $3, $4, $5, $6, $7, $8), ($9, null, null, null, null, null, null, null) returning id, name`
    const values = ['甲 "quoted"', ['a', 'b c', 'd"e'], { nested: { list: [1, 2] } }, '{"kept": "as text"}', new Date('2026-09-29T02:00:00Z'), 9007199254740993n, true, '12.50', 'second']
    const ours = await prepared.query(insert, values)
    await pg.exec('truncate t restart identity')
    expect(ours).toEqual(await pg.query(insert, values))

    for (const options of [undefined, drizzleOptions, { rowMode: 'array' } as const]) {
      const select = 'select * from t where id > $1 order by id'
      expect(await prepared.query(select, [0], options)).toEqual(await pg.query(select, [0], options))
    }
    const update = 'update t set ok = $1 where id = any($2)'
    expect(await prepared.query(update, [false, [1, 2]])).toEqual(await pg.query(update, [false, [1, 2]]))
  })

  it('parses and plans a repeated statement once, and runs DDL without keeping it', async () => {
    for (let i = 0; i < 3; i++) await prepared.query('select name from t where id = $1', [i])
    await prepared.query('create index t_at on t (at)')
    const kept = await pg.query<{ statement: string }>('select statement from pg_prepared_statements')
    expect(kept.rows.map((row) => row.statement)).toEqual(['select name from t where id = $1'])
  })

  it('keeps the 256 statements used last and closes older ones', async () => {
    for (let i = 0; i < 300; i++) {
      await prepared.query(`select ${i} as n`)
      if (i % 10 === 0) await prepared.query('select $1::text as hot', ['often'])
    }
    await prepared.query('select 0 as n') // closed long ago: prepared again
    const kept = (await pg.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map((row) => row.statement)
    expect(kept.length).toBe(256)
    expect(kept).toEqual(expect.arrayContaining(['select 299 as n', 'select 0 as n', 'select $1::text as hot']))
    expect(kept).not.toContain('select 10 as n')
  })

  it("throws the server's error with its code and query, and goes on after it", async () => {
    await prepared.query('insert into t (name) values ($1)', ['x'])
    const duplicate = await prepared.query('insert into t (name) values ($1)', ['x']).catch((error: unknown) => error)
    expect(duplicate).toMatchObject({ code: '23505', constraint: 't_name_key', query: 'insert into t (name) values ($1)', params: ['x'] })
    expect(await prepared.query('selec 1').catch((error: unknown) => error)).toMatchObject({ code: '42601', message: 'syntax error at or near "selec"' })
    expect((await prepared.query('select count(*)::int as n from t')).rows).toEqual([{ n: 1 }])
  })

  it('prepares a statement again when the table changed under it', async () => {
    await prepared.query('insert into t (name) values ($1)', ['x'])
    expect(Object.keys((await prepared.query<object>('select * from t')).rows[0]!)).not.toContain('extra')
    await prepared.query('alter table t add column extra text default $$new$$')
    expect((await prepared.query<{ extra: string }>('select * from t')).rows[0]!.extra).toBe('new')
  })

  it("waits for another caller's open transaction rather than running inside it", async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const transaction = prepared.transaction(async (tx) => {
      await tx.query('insert into t (name) values ($1)', ['in transaction'])
      await held
      await tx.query('insert into t (name) values ($1)', ['still in it'])
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    let counted: number | undefined
    const count = prepared.query<{ n: number }>('select count(*)::int as n from t').then((result) => (counted = result.rows[0]!.n))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(counted).toBeUndefined()
    release()
    await Promise.all([transaction, count])
    expect(counted).toBe(2)
  })

  it('runs a waiting statement as soon as the open transaction ends, before the transactions queued after it', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const first = prepared.transaction(async (tx) => {
      await tx.query('insert into t (name) values ($1)', ['first'])
      await held
    })
    const second = prepared.transaction((tx) => tx.query('insert into t (name) values ($1)', ['second']))
    await new Promise((resolve) => setTimeout(resolve, 20))
    const names = prepared.query<{ name: string }>('select name from t order by id')
    release()
    expect((await names).rows).toEqual([{ name: 'first' }])
    await Promise.all([first, second])
    expect((await prepared.query('select count(*)::int as n from t')).rows).toEqual([{ n: 2 }])
  })

  it('lets the event loop turn during a long run of statements', async () => {
    let turns = 0
    const tick = () => {
      turns++
      if (running) setImmediate(tick)
    }
    let running = true
    setImmediate(tick)
    const until = performance.now() + 100
    // Each statement answers at once: without pauses the loop would never leave the promise queue.
    while (performance.now() < until) await prepared.query('select 1')
    running = false
    expect(turns).toBeGreaterThanOrEqual(5)
  })

  it('fails the rest of a transaction after an error and rolls it back, as query() does', async () => {
    const failed = await prepared
      .transaction(async (tx) => {
        await tx.query('insert into t (name) values ($1)', ['kept?'])
        await tx.query('insert into t (name) values ($1)', ['kept?']).catch(() => undefined)
        await tx.query('select 1')
      })
      .catch((error: unknown) => error)
    expect(failed).toMatchObject({ code: '25P02' })
    expect((await prepared.query('select name from t')).rows).toEqual([])
  })

  it('refuses statements once PGlite is closed', async () => {
    const closed = await PGlite.create({ loadDataDir: loadTemplate() })
    await closed.close()
    await expect(withPreparedStatements(closed).query('select 1')).rejects.toThrow('PGlite is closed')
  })
})
