/**
 * `@hall/guide`: the service guide (办事指南, "八公开") of an item — the zod schema the server
 * stores and the rules publishing checks (`guideProblems`). No server or browser imports: the
 * designer runs the same rules while the administrator types.
 *
 * @example
 * import { emptyGuide, guideProblems } from '@hall/guide'
 * guideProblems(emptyGuide()) // every missing "八公开" field, at once
 */
export { AUDIENCES, ITEM_TYPES, LIMIT_UNITS, MATERIAL_FORMS, RESULT_KINDS, emptyGuide, guideProblems, guideSchema, type Guide, type GuideInput, type GuideProblem, type Material, type TimeLimit } from './guide'
