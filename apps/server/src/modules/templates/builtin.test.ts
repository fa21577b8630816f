import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinTemplatesFolder, listBuiltinTemplates, readTemplateFolder } from './builtin'
import { checkTemplate } from './check'

const root = builtinTemplatesFolder()
const ids = await listBuiltinTemplates(root)

// Every built-in template must publish as it is and run its scenario (issue 7 "Done when").
describe('built-in templates', () => {
  it('ships the templates the regulations call for', () => {
    expect(ids).toEqual(
      expect.arrayContaining(['staff-leave', 'window-head-leave', 'expense', 'student-leave', 'joint-enterprise', 'complaint', 'negative-filing', 'class-reschedule', 'classroom-booking', 'appointment', 'tolerate-missing']),
    )
  })

  it.each(ids)('%s passes every publish check and runs its scenario', async (id) => {
    const template = await readTemplateFolder(join(root, id))
    expect(await checkTemplate(template, id)).toEqual([])
  })

  it('names what a broken template gets wrong: an unlisted post, an unused code table, a promise the guide does not make, a failing expectation', async () => {
    const template = await readTemplateFolder(join(root, 'staff-leave'))
    template.manifest = { ...template.manifest, requires: { posts: [template.manifest.requires.posts[0]!], dictionaries: ['leave_type', 'gender'] } }
    template.scenario = { ...template.scenario, steps: [{ expect: { waiting: ['Task_deputy'] } }] }
    template.guide = { ...(template.guide as object), promisedLimit: { value: 4, unit: 'wd' } }
    const messages = (await checkTemplate(template, 'staff-leave')).map((problem) => `${problem.part}: ${problem.message}`)
    expect(messages).toEqual([
      'binding: promisedLimit: 流程的承诺时限（hall:promise）与办事指南的承诺时限 4wd 不一致',
      'manifest: requires dictionary gender, which the form does not use',
      'manifest: the process assigns post P-DEPUTY, which requires.posts does not list',
      expect.stringMatching(/^scenario: Step 1 .*Task_deputy/),
    ])
  })
})
