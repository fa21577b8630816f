import type { DemoUnit } from './demo-types'

/**
 * A county government service center (县政务服务中心) after the Cangnan and Jinzhai rules
 * (shared/seeds 000, 004): leadership, supervision office, one-window intake and back-office windows.
 */
export const county: DemoUnit = {
  code: 'county',
  name: '示范县政务服务中心',
  kind: 'county',
  departments: [
    { code: 'LEAD', name: '中心领导', kind: 'leadership', head: 'county.director' },
    { code: 'SUP', name: '监察室', kind: 'supervision', head: 'county.sup' },
    { code: 'OFF', name: '办公室', kind: 'office', head: 'county.office' },
    { code: 'W-INTAKE', name: '综合受理窗口', kind: 'window', head: 'county.intake.head' },
    { code: 'W-MARKET', name: '市场监管窗口', kind: 'window', head: 'county.market.head' },
    { code: 'W-BUILD', name: '住房城乡建设窗口', kind: 'window', head: 'county.build.head' },
    { code: 'W-HR', name: '人力资源社会保障窗口', kind: 'window', head: 'county.hr.head' },
    { code: 'W-ESTATE', name: '不动产登记窗口', kind: 'window', head: 'county.estate.head' },
  ],
  users: [
    { username: 'admin', name: '平台管理员', depts: ['OFF'], roles: ['platform_admin'] },
    { username: 'county.admin', name: '周建国', depts: ['OFF'], roles: ['unit_admin+'] },
    { username: 'county.hall', name: '吴晓梅', depts: ['OFF'], roles: ['hall_admin'] },
    { username: 'county.office', name: '郑丽', depts: ['OFF'], roles: ['approver'] },
    { username: 'county.director', name: '王志强', depts: ['LEAD'], roles: ['approver'], person: { kind: 'staff', title: '中心主任' } },
    { username: 'county.deputy', name: '李春华', depts: ['LEAD'], roles: ['approver'], person: { kind: 'staff', title: '中心副主任' } },
    { username: 'county.sup', name: '陈静', depts: ['SUP'], roles: ['approver'], person: { kind: 'staff', title: '监察室主任' } },
    { username: 'county.sup2', name: '刘洋', depts: ['SUP'], roles: ['approver'] },
    ...window('intake', 'W-INTAKE', ['赵敏', '钱磊', '孙悦']),
    ...window('market', 'W-MARKET', ['冯涛', '褚红', '卫东']),
    ...window('build', 'W-BUILD', ['蒋平', '沈娟', '韩冰']),
    ...window('hr', 'W-HR', ['杨帆', '朱琳', '秦川']),
    ...window('estate', 'W-ESTATE', ['许诺', '何静', '吕强']),
    { username: 'citizen.zhang', name: '张伟', roles: ['applicant'], person: { kind: 'citizen', idNumber: '341524198503120113', phone: '13805641201' } },
    { username: 'citizen.li', name: '李娜', roles: ['applicant'], person: { kind: 'citizen', idNumber: '341524199007080129', phone: '13905641202' } },
    { username: 'citizen.huang', name: '黄勇', roles: ['applicant'], person: { kind: 'citizen', idNumber: '341524197811230133', phone: '15005641203' } },
    { username: 'enterprise.wang', name: '王芳（示范农业科技有限公司）', roles: ['applicant'], person: { kind: 'citizen', idNumber: '341524199512010148', phone: '18605641204' } },
  ],
  posts: [
    { code: 'P-SUP', name: '监察室主任岗', dept: 'SUP', a: 'county.sup', b: ['county.sup2'] },
    { code: 'P-DEPUTY', name: '分管副主任岗', dept: 'LEAD', a: 'county.deputy', b: ['county.director'] },
    { code: 'P-INTAKE', name: '综合受理岗', dept: 'W-INTAKE', a: 'county.intake.1', b: ['county.intake.2', 'county.intake.head'] },
    { code: 'P-MARKET', name: '市场监管受理岗', dept: 'W-MARKET', a: 'county.market.1', b: ['county.market.2'] },
    { code: 'P-BUILD', name: '住建审批岗', dept: 'W-BUILD', a: 'county.build.1', b: ['county.build.2'] },
    { code: 'P-HR', name: '社保经办岗', dept: 'W-HR', a: 'county.hr.1', b: ['county.hr.2'] },
    { code: 'P-ESTATE', name: '不动产登记岗', dept: 'W-ESTATE', a: 'county.estate.1', b: ['county.estate.2'] },
  ],
  absences: [
    // A on leave, B covers (the AB hand-over the engine shows).
    { username: 'county.market.1', kind: 'leave', from: '2026-11-23T08:30:00+08:00', to: '2026-11-27T18:00:00+08:00', reason: '年休假' },
    { username: 'county.deputy', kind: 'business_trip', from: '2026-11-24T08:30:00+08:00', to: '2026-11-25T18:00:00+08:00', reason: '市里培训' },
  ],
}

/** A window: its head (window staff and approver) and two staff. */
function window(key: string, dept: string, [head, first, second]: [string, string, string]): DemoUnit['users'] {
  return [
    { username: `county.${key}.head`, name: head, depts: [dept], roles: [`window_staff@${dept}`, 'approver'], person: { kind: 'staff', title: '窗口负责人' } },
    { username: `county.${key}.1`, name: first, depts: [dept], roles: [`window_staff@${dept}`] },
    { username: `county.${key}.2`, name: second, depts: [dept], roles: [`window_staff@${dept}`] },
  ]
}
