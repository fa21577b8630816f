import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, call, type OkBody } from '@hall/web-common'

/** A built-in template as the server lists it for the unit: its posts and whether the unit has them. */
export type TemplateListing = OkBody<Awaited<ReturnType<typeof api.templates.$get>>>['items'][number]
export type Installed = OkBody<Awaited<ReturnType<(typeof api.templates)[':id']['install']['$post']>>>
export type Post = OkBody<Awaited<ReturnType<typeof api.org.posts.$get>>>['items'][number]

/** The built-in templates and the unit's posts to map theirs onto; installing publishes an item. */
export const useTemplatesStore = defineStore('templates', () => {
  const templates = ref<TemplateListing[]>([])
  const posts = ref<Post[]>([])

  async function load(): Promise<void> {
    const [list, unitPosts] = await Promise.all([call(api.templates.$get({ query: {} })), call(api.org.posts.$get({ query: {} }))])
    templates.value = list.items
    posts.value = unitPosts.items
  }

  const install = (id: string, input: { deptId: string; posts?: Record<string, string> }) =>
    call(api.templates[':id'].install.$post({ param: { id }, query: {}, json: input }))

  return { templates, posts, load, install }
})
