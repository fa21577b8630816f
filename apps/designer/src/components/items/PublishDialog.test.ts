import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import PublishDialog from './PublishDialog.vue'
import { designerI18n } from './test-i18n'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function stub(answers: Record<string, () => Response>) {
  const fetch = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const answer = answers[`${init.method ?? 'GET'} ${String(input)}`]
    return Promise.resolve(answer ? answer() : json(404, { error: { code: 'NOT_FOUND' } }))
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function openDialog(revision?: number) {
  const wrapper = mount(PublishDialog, {
    props: { itemId: 'i1', modelValue: true, ...(revision === undefined ? {} : { revision }) },
    global: { plugins: [createPinia(), designerI18n()] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}
const inBody = (selector: string) => document.body.querySelector(selector)

describe('publish dialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows every problem when the server refuses, and publishes nothing', async () => {
    const fetch = stub({
      'POST /api/items/i1/publish': () =>
        json(422, {
          error: { code: 'PUBLISH_INVALID', message: '发布前须解决 2 个问题，本次未发布' },
          problems: [
            { part: 'guide', severity: 'error', path: 'conditions', message: '请填写受理条件' },
            { part: 'binding', severity: 'error', elementId: 'Task_a', message: '「审核」的办理人：本单位没有岗位 P-9' },
          ],
        }),
    })
    const wrapper = await openDialog(4)
    ;(inBody('[data-test=publish-start]') as HTMLButtonElement).click()
    await flushPromises()
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toEqual({ revision: 4 })
    expect(inBody('[data-test=publish-invalid]')?.textContent).toContain('发现 2 个问题，本次未发布')
    expect(inBody('[data-test=problems-guide]')?.textContent).toContain('请填写受理条件')
    expect(inBody('[data-test=problems-binding]')?.textContent).toContain('P-9')
    expect(wrapper.emitted('published')).toBeUndefined()
  })

  it('reports the new version once published', async () => {
    const version = { version: 3, definitionId: 'item.i1:3', republishedFrom: null, note: null, publishedAt: '2026-11-23T01:00:00.000Z', publishedBy: { id: 'u1', name: '吴晓梅' } }
    stub({
      'POST /api/items/i1/publish': () => json(201, { version, warnings: [] }),
      'GET /api/items/i1': () => json(200, { item: { id: 'i1', latestVersion: 3 }, draft: {} }),
    })
    const wrapper = await openDialog()
    ;(inBody('[data-test=publish-start]') as HTMLButtonElement).click()
    await flushPromises()
    expect(inBody('[data-test=publish-success]')?.textContent).toContain('已发布第 3 版')
    expect(wrapper.emitted('published')).toEqual([[version]])
  })

  it('does not publish over a draft someone else saved since', async () => {
    stub({
      'POST /api/items/i1/publish': () =>
        json(409, { error: { code: 'VERSION_CONFLICT', message: '草稿在你打开之后已被修改' }, current: { revision: 5, updatedBy: { id: 'u2', name: '周建国' } } }),
    })
    const wrapper = await openDialog(4)
    ;(inBody('[data-test=publish-start]') as HTMLButtonElement).click()
    await flushPromises()
    expect(inBody('[data-test=publish-conflict]')?.textContent).toContain('草稿已被周建国修改')
    expect(wrapper.emitted('conflict')).toHaveLength(1)
  })
})
