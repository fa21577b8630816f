import type zhCN from './zh-CN'
import processDesigner from './process-designer.en'

const en: typeof zhCN = {
  processDesigner,
  app: { title: 'Item designer' },
  nav: { items: 'Items', profile: 'My profile' },
  items: {
    title: 'Items',
    empty: 'No items yet',
    emptyHint: 'Creating and designing items is coming soon.',
  },
  forbidden: {
    title: 'No access',
    text: 'The account “{name}” may not use the item designer.',
    hint: 'The designer is for platform, unit and hall administrators. Ask your unit administrator for access.',
    toHall: 'Go to the service hall',
    switchAccount: 'Use another account',
  },
}

export default en
