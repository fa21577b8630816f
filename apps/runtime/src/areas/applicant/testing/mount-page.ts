import { vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { createHallI18n } from '@hall/web-common'
import en from '../../../i18n/en'
import zhCN from '../../../i18n/zh-CN'
import { applicantArea } from '..'

/** A JSON answer as the server sends it. */
export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

type Handler = (init: RequestInit) => Response
/** Answers `fetch` by `METHOD /path` (query ignored); anything else is a 404 in the server's shape. */
export function stubApi(routes: Record<string, Handler>) {
  const fetch = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input).split('?')[0]
    const handler = routes[`${init.method ?? 'GET'} ${path}`]
    return Promise.resolve(handler ? handler(init) : json(404, { error: { code: 'NOT_FOUND' } }))
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

/** Mounts one applicant page with the runtime's messages and the area's own routes. */
export async function mountPage(
  component: Component,
  path: string,
  props: Record<string, unknown> = {},
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      ...applicantArea.routes.map((route) => ({ ...route, path: `/${route.path}` })),
      { path: '/:any(.*)*', component: { render: () => null } },
    ],
  })
  await router.push(path)
  const wrapper = mount(component, {
    props,
    global: { plugins: [pinia, router, createHallI18n({ 'zh-CN': zhCN, en })] },
    attachTo: document.body,
  })
  return { wrapper, router }
}
