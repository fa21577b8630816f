/** Strings of the built-in templates page. */
export default {
  title: '内置模板',
  intro: '从法规整理的常用事项，安装后即为本单位已发布的事项，可在事项列表中继续修改。',
  basis: '依据',
  posts: '涉及岗位',
  missing: '本单位没有此岗位，请选择对应岗位',
  dept: '受理部门/窗口',
  install: '安装',
  installed: '已安装为事项（第 {version} 版）',
  unchanged: '本单位已安装过此模板，内容相同，未重复发布',
  open: '打开事项',
}
