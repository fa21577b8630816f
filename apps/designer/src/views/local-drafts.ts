import { shallowRef } from 'vue'
import type { FormSchema } from '@hall/form-schema'
import type { Guide } from '@hall/guide'
import { newGuide } from '../components/guide-editor/guide-defaults'

/**
 * In-memory drafts behind the stand-alone form and guide pages, until the item editor hosts both
 * components on a saved draft. Shared, so the form page offers the guide page's materials; gone on reload.
 */
export const localForm = shallowRef<FormSchema>({ type: 'object', properties: {} })
export const localGuide = shallowRef<Guide>(newGuide())
