import { onBeforeUnmount, ref } from 'vue'

/** Below this width the side navigation moves into a drawer: phones, and tablets held upright. */
const NARROW_QUERY = '(max-width: 768px)'

/** Whether the viewport is phone-sized, kept current as it is resized or rotated. */
export function useNarrowScreen() {
  const media = window.matchMedia(NARROW_QUERY)
  const narrow = ref(media.matches)
  const update = (event: MediaQueryListEvent) => {
    narrow.value = event.matches
  }
  media.addEventListener('change', update)
  onBeforeUnmount(() => media.removeEventListener('change', update))
  return narrow
}
