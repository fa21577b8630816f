import { describe, expect, it } from 'vitest'
import { compileQuery } from './sql-query'

const problems = (query: string) => {
  const checked = compileQuery(query)
  return checked.ok ? [] : checked.problems
}

describe('connector query check', () => {
  it('binds named parameters by position, once per name, and keeps casts and quoted text intact', () => {
    const checked = compileQuery("select name, ':userNo' as literal, enrolled::date from s where no = :userNo and unit = :unitId or no = :userNo;")
    expect(checked).toEqual({
      ok: true,
      query: { text: "select name, ':userNo' as literal, enrolled::date from s where no = $1 and unit = $2 or no = $1", parameters: ['userNo', 'unitId'] },
    })
  })

  it('accepts WITH … SELECT, comments and dollar-quoted text', () => {
    expect(problems('with t as (select 1 as a) -- drop table x\nselect a, $$delete$$ as word from t /* ; update */')).toEqual([])
    expect(problems("select e'it\\'s' as a, $tag$ ; drop $tag$ as b; -- the end")).toEqual([])
  })

  it.each([
    ['delete from students', '只允许 SELECT'],
    ['select 1; drop table students', '只能有一条语句'],
    ['with gone as (delete from s returning *) select * from gone', '不允许 DELETE'],
    ['select * into copy_of_s from s', '不允许 INTO'],
    ['select * from s where no = :studentNo', '未知的参数 :studentNo'],
    ['select * from s where no = $1', '请使用命名参数'],
    ["select 'unterminated", '引号没有闭合'],
    ['select * from s for update', '不允许 UPDATE'],
  ])('refuses %j', (query, problem) => {
    expect(problems(query).join('；')).toContain(problem)
  })
})
