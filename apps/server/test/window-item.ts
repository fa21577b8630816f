import { promisedReviewItem } from './published-item'

/** A promised market item whose proof of address may be missing at acceptance (容缺). */
export const licence = promisedReviewItem({
  dept: 'W-MARKET',
  code: 'food-licence',
  name: '食品经营许可',
  form: { type: 'object', properties: { name: { type: 'string', title: '经营者', required: true } } },
  step: { name: '市场监管审核', post: 'P-MARKET', due: '3wd' },
  promisedWd: 5,
  guide: {
    materials: [
      { id: 'application', name: '许可申请书' },
      { id: 'address', name: '经营场所证明', main: false, mayBeMissing: true },
    ],
  },
})
