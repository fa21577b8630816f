import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createTestApp, jsonResponse, makeMe, stubFetch } from '../testing/test-app'
import LoginView from './LoginView.vue'

async function mountLogin() {
  const app = createTestApp([
    { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  ])
  await app.router.push('/login?redirect=/profile')
  const wrapper = mount(LoginView, {
    global: { plugins: [...app.plugins] },
    attachTo: document.body,
  })
  return { wrapper, router: app.router }
}

async function fillAndSubmit(wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper']) {
  await wrapper.find('input[name=username]').setValue('stu.2023001')
  await wrapper.find('input[name=password]').setValue('wrong')
  await wrapper.find('form').trigger('submit')
}

describe('LoginView', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it("shows the server's message when the password is wrong, and empties the password", async () => {
    stubFetch({
      'POST /api/auth/login': jsonResponse(401, {
        error: { code: 'LOGIN_FAILED', message: '用户名或密码不正确，还可尝试 4 次' },
      }),
    })
    const { wrapper } = await mountLogin()
    await fillAndSubmit(wrapper)
    await vi.waitFor(() =>
      expect(wrapper.find('[data-test=login-error]').text()).toContain(
        '用户名或密码不正确，还可尝试 4 次',
      ),
    )
    expect((wrapper.find('input[name=password]').element as HTMLInputElement).value).toBe('')
  })

  it('explains a locked account with the server message and a hint', async () => {
    stubFetch({
      'POST /api/auth/login': jsonResponse(423, {
        error: { code: 'ACCOUNT_LOCKED', message: '账号已锁定，请 15 分钟后再试' },
      }),
    })
    const { wrapper } = await mountLogin()
    await fillAndSubmit(wrapper)
    await vi.waitFor(() => {
      const alert = wrapper.find('[data-test=login-error]').text()
      expect(alert).toContain('账号已锁定')
      expect(alert).toContain('请 15 分钟后再试')
      expect(alert).toContain('联系单位管理员')
    })
  })

  it('disables the button while the login is on its way, then goes to the remembered page', async () => {
    let answer: (response: Response) => void = () => {}
    stubFetch({
      'POST /api/auth/login': () => new Promise<Response>((resolve) => (answer = resolve)),
    })
    const { wrapper, router } = await mountLogin()
    const button = wrapper.find('[data-test=login-submit]')
    expect(button.attributes('disabled')).toBeUndefined()

    await fillAndSubmit(wrapper)
    await vi.waitFor(() => expect(button.attributes('disabled')).toBeDefined())
    await wrapper.find('form').trigger('submit')

    answer(jsonResponse(200, { user: makeMe(), csrfToken: 't1' }))
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/profile'))
    expect(button.attributes('disabled')).toBeUndefined()
    expect(vi.mocked(fetch)).toHaveBeenCalledTimes(1)
  })

  it('asks for the username and password before calling the server', async () => {
    const fetch = stubFetch({})
    const { wrapper } = await mountLogin()
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('请输入用户名')
      expect(wrapper.text()).toContain('请输入密码')
    })
    expect(fetch).not.toHaveBeenCalled()
  })
})
