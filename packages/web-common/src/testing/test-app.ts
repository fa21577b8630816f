import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import type { Me } from '../api/types'
import { createHallI18n } from '../i18n'

/** A JSON answer as the server sends it; `undefined` gives an empty body (204). */
export function jsonResponse(status: number, body?: unknown): Response {
  return body === undefined
    ? new Response(null, { status })
    : new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      })
}

type FetchHandler = (path: string, init: RequestInit) => Response | Promise<Response>

/** Replaces `fetch` for one test; answers by `METHOD path`, 404 for anything not listed. */
export function stubFetch(routes: Record<string, FetchHandler | Response>) {
  const fetch = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input)
    const answer = routes[`${init.method ?? 'GET'} ${path}`]
    if (answer instanceof Response) return Promise.resolve(answer.clone())
    if (answer) return Promise.resolve(answer(path, init))
    return Promise.resolve(jsonResponse(404, { error: { code: 'NOT_FOUND' } }))
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    username: 'stu.2023001',
    displayName: '李同学',
    unit: { id: 'unit1', name: '示范大学' },
    departments: [{ id: 'd1', name: '计算机学院', isPrimary: true }],
    posts: [],
    roles: [{ role: 'applicant', unitId: 'unit1', deptId: null }],
    mustChangePassword: false,
    ...overrides,
  }
}

const Page = (name: string) => defineComponent({ name, render: () => h('p', name) })

/** The plugins of a hall app, with stand-in pages, for mounting one component in a test. */
export function createTestApp(routes: RouteRecordRaw[] = []) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createHallI18n({
    'zh-CN': { app: { title: '测试应用' } },
    en: { app: { title: 'Test app' } },
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: Page('login'), meta: { public: true } },
      { path: '/', name: 'home', component: Page('home') },
      { path: '/profile', name: 'profile', component: Page('profile') },
      { path: '/forbidden', name: 'forbidden', component: Page('forbidden') },
      // Last, so a test's own page replaces the stand-in of the same name.
      ...routes,
    ],
  })
  return { pinia, i18n, router, plugins: [pinia, i18n, router] as const }
}
