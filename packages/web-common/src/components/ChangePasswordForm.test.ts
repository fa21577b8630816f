import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { useSessionStore } from '../stores/session'
import { createTestApp, jsonResponse, makeMe, stubFetch } from '../testing/test-app'
import ChangePasswordForm from './ChangePasswordForm.vue'

function mountForm() {
  const app = createTestApp()
  useSessionStore().user = makeMe({ mustChangePassword: true })
  return mount(ChangePasswordForm, {
    global: { plugins: [...app.plugins] },
    attachTo: document.body,
  })
}

async function fill(
  wrapper: ReturnType<typeof mountForm>,
  current: string,
  next: string,
  confirm = next,
) {
  await wrapper.find('[data-test=current-password]').setValue(current)
  await wrapper.find('[data-test=new-password]').setValue(next)
  await wrapper.find('[data-test=confirm-password]').setValue(confirm)
  await wrapper.find('form').trigger('submit')
}

describe('ChangePasswordForm', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it("shows the server's message under the field it concerns", async () => {
    stubFetch({
      'POST /api/auth/password': jsonResponse(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: '输入有误',
          fields: { currentPassword: '当前密码不正确' },
        },
      }),
    })
    const wrapper = mountForm()
    await fill(wrapper, 'wrong', 'N3w-Passw0rd!')
    await vi.waitFor(() => expect(wrapper.text()).toContain('当前密码不正确'))
  })

  it('does not send two different new passwords', async () => {
    const fetch = stubFetch({})
    const wrapper = mountForm()
    await fill(wrapper, 'old', 'N3w-Passw0rd!', 'N3w-Passw0rd?')
    await vi.waitFor(() => expect(wrapper.text()).toContain('两次输入的新密码不一致'))
    expect(fetch).not.toHaveBeenCalled()
  })

  it('clears the must-change flag once the server accepts the new password', async () => {
    stubFetch({ 'POST /api/auth/password': jsonResponse(204) })
    const wrapper = mountForm()
    await fill(wrapper, 'old', 'N3w-Passw0rd!')
    await vi.waitFor(() => expect(useSessionStore().user?.mustChangePassword).toBe(false))
    expect((wrapper.find('[data-test=new-password]').element as HTMLInputElement).value).toBe('')
  })
})
