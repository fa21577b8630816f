import { promisedReviewItem } from './published-item'

/**
 * A promised county item at the social-security window for supervision tests: one review step
 * (post P-HR, A = county.hr.1) due in 2 working days and warned 4 office hours before, 5 days promised.
 */
export const supervisedItem = promisedReviewItem({
  dept: 'W-HR',
  code: 'unemployment-benefit',
  name: '失业保险金申领',
  step: { name: '社保经办审核', post: 'P-HR', due: '2wd', warn: '4h' },
  promisedWd: 5,
  guide: {
    materials: [
      { id: 'idcard', name: '居民身份证复印件' },
      { id: 'proof', name: '解除劳动合同证明' },
    ],
  },
})
