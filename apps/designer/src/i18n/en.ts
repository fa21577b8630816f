import type zhCN from './zh-CN'
import formDesigner from './form-designer.en'
import guideEditor from './guide-editor.en'

const en: typeof zhCN = {
  app: { title: 'Item designer' },
  formDesigner,
  guideEditor,
  views: { localDraft: 'This draft lives in the browser only and is lost on reload; the item editor will save drafts.', problemCount: '{n} errors', toGuide: 'Edit the guide', toForm: 'Design the form' },
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
