import { defineStore } from 'pinia'
import { ref } from 'vue'
import { loadCatalog, type CatalogItem } from '../logic/api'

/** The hall catalog, loaded once per visit: the catalog, each guide page and the apply page read it. */
export const useCatalogStore = defineStore('applicant-catalog', () => {
  const items = ref<CatalogItem[]>([])
  const loaded = ref(false)
  let loading: Promise<void> | undefined

  function load(): Promise<void> {
    loading ??= loadCatalog()
      .then((list) => {
        items.value = list
        loaded.value = true
      })
      .catch((error: unknown) => {
        loading = undefined
        throw error
      })
    return loading
  }

  const byId = (itemId: string) => items.value.find((item) => item.itemId === itemId)
  return { items, loaded, load, byId }
})
