import processDesigner from './process-designer.zh-CN'

/** Strings of the designer (where administrators build items); `en.ts` mirrors every key. */
export default {
  processDesigner,
  app: { title: '事项设计器' },
  nav: { items: '事项', profile: '个人信息' },
  items: {
    title: '事项',
    empty: '暂无事项',
    emptyHint: '事项的创建与设计功能即将上线。',
  },
  forbidden: {
    title: '无权限',
    text: '账号“{name}”没有使用事项设计器的权限。',
    hint: '设计器仅供平台管理员、单位管理员和大厅管理员使用。如需权限，请联系单位管理员。',
    toHall: '前往办事大厅',
    switchAccount: '切换账号',
  },
}
