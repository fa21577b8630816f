/**
 * @hall/form-renderer: renders a hall form schema (Formily JSON Schema plus
 * hall extensions) with Formily and Element Plus, for the designer's preview
 * and the runtime.
 *
 * The verdict is @hall/form-schema's: declarative reactions and computed values
 * are re-evaluated with `evaluateReactions` on every change, and `submit` only
 * fires when `validate` passes, with its errors shown on the fields. The server
 * runs the same `validate`, so what passes here passes there.
 *
 * @example
 * <script setup lang="ts">
 * import { HallForm, provideFormServices } from '@hall/form-renderer'
 * provideFormServices({ searchUsers: api.users.search, uploadFile: (file, { field }) => api.files.upload(file, caseId, field) })
 * const values = ref(caseRecord.data)
 * </script>
 * <template>
 *   <HallForm ref="form" v-model="values" :schema="version.form" :permissions="task.fields"
 *             :dictionaries="codeTables" @submit="(data) => api.tasks.complete(task.id, data)" />
 *   <el-button @click="form.submit()">提交</el-button>
 *   <HallForm :schema="version.form" :values="caseRecord.data" mode="print" />
 * </template>
 *
 * @packageDocumentation
 */
export { default as HallForm } from './HallForm.vue'
export type { FormMode } from './HallForm.vue'
export { provideFormServices, UploadRefusedError } from './context'
export type { FormServices, PickerOption, TreeOption, UploadedFile, UploadTarget } from './context'
export { components } from './formily/components'
export { toFormilySchema } from './formily/to-formily-schema'
export { messagesFor } from './messages'
export type { Messages } from './messages'
