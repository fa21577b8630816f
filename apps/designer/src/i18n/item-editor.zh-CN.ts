/** Strings of the item editor (guide, form and process of one item). */
export default {
  title: '编辑事项：{name}',
  guide: '办事指南',
  form: '表单',
  process: '流程',
  saving: '正在保存…',
  saved: '已自动保存（第 {revision} 版草稿）',
  unsaved: '有未保存的修改',
  publish: '发布',
  versions: '版本',
  published: '已发布第 {version} 版',
  conflictTitle: '草稿已被他人修改',
  conflictText: '{name} 在你编辑期间保存了第 {revision} 版草稿。保留你的修改将覆盖对方的版本；采用对方的版本将放弃你未保存的修改。',
  keepMine: '保留我的修改',
  takeTheirs: '采用对方的版本',
  someone: '他人',
}
