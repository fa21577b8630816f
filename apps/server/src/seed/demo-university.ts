import type { DemoUnit, DemoUser } from './demo-types'

/**
 * A university one-stop service hall (shared/seeds 003 篇7): administration, a hall, two colleges
 * with classes, counsellors, teachers, students and courses in the data center.
 */
export const university: DemoUnit = {
  code: 'univ',
  name: '示范大学',
  kind: 'university',
  departments: [
    { code: 'LEAD', name: '校领导', kind: 'leadership', head: 'univ.vp' },
    { code: 'XGC', name: '学生工作处', kind: 'office', head: 'univ.xgc' },
    { code: 'JWC', name: '教务处', kind: 'office', head: 'univ.jwc' },
    { code: 'RSC', name: '人事处', kind: 'office', head: 'univ.rsc' },
    { code: 'HALL', name: '一站式服务大厅', kind: 'window', head: 'univ.hall.1' },
    { code: 'CS', name: '计算机学院', kind: 'college', head: 'cs.dean' },
    { code: 'CS2301', name: '计算机科学与技术2301班', kind: 'class', parent: 'CS' },
    { code: 'CS2302', name: '计算机科学与技术2302班', kind: 'class', parent: 'CS' },
    { code: 'CS-SE', name: '软件工程教研室', kind: 'teaching', parent: 'CS', head: 'cs.t1' },
    { code: 'FL', name: '外国语学院', kind: 'college', head: 'fl.dean' },
    { code: 'FL2301', name: '英语2301班', kind: 'class', parent: 'FL' },
  ],
  users: [
    { username: 'univ.admin', name: '高明', depts: ['RSC'], roles: ['unit_admin+'] },
    { username: 'univ.hall', name: '林晓', depts: ['HALL'], roles: ['hall_admin'] },
    { username: 'univ.vp', name: '郭文博', depts: ['LEAD'], roles: ['approver'], person: { kind: 'teacher', no: 'T0001', title: '副校长' } },
    { username: 'univ.xgc', name: '马丽娟', depts: ['XGC'], roles: ['approver'], person: { kind: 'staff', no: 'T0101', title: '学生工作处处长' } },
    { username: 'univ.jwc', name: '罗建', depts: ['JWC'], roles: ['approver'], person: { kind: 'staff', no: 'T0201', title: '教务处处长' } },
    { username: 'univ.jwc.1', name: '梁婷', depts: ['JWC'], roles: ['approver', 'window_staff@JWC'], person: { kind: 'staff', no: 'T0202' } },
    { username: 'univ.rsc', name: '宋海', depts: ['RSC'], roles: ['approver'], person: { kind: 'staff', no: 'T0301', title: '人事处处长' } },
    { username: 'univ.hall.1', name: '唐欣', depts: ['HALL'], roles: ['window_staff@HALL', 'approver'], person: { kind: 'staff', no: 'T0401' } },
    { username: 'univ.hall.2', name: '邓超', depts: ['HALL'], roles: ['window_staff@HALL'], person: { kind: 'staff', no: 'T0402' } },
    { username: 'cs.dean', name: '曹立新', depts: ['CS'], roles: ['approver'], person: { kind: 'teacher', no: 'T1001', title: '教授、院长' } },
    { username: 'cs.counsellor', name: '彭雪', depts: ['CS'], roles: ['approver'], person: { kind: 'teacher', no: 'T1002', title: '辅导员' } },
    { username: 'cs.t1', name: '曾凡', depts: ['CS', 'CS-SE'], roles: ['approver', 'applicant'], person: { kind: 'teacher', no: 'T1003', title: '副教授' } },
    { username: 'cs.t2', name: '谢晨', depts: ['CS'], roles: ['approver', 'applicant'], person: { kind: 'teacher', no: 'T1004', title: '讲师' } },
    { username: 'fl.dean', name: '韦佳', depts: ['FL'], roles: ['approver'], person: { kind: 'teacher', no: 'T2001', title: '教授、院长' } },
    { username: 'fl.counsellor', name: '苏畅', depts: ['FL'], roles: ['approver'], person: { kind: 'teacher', no: 'T2002', title: '辅导员' } },
    { username: 'fl.t1', name: '潘露', depts: ['FL'], roles: ['approver', 'applicant'], person: { kind: 'teacher', no: 'T2003', title: '讲师' } },
    ...students('CS', 'CS2301', 'cs.counsellor', [
      ['2023001', '李明', '1', '340104200503150197', '13956001001'],
      ['2023002', '王芳', '2', '340104200411220207', '13956001002'],
      ['2023003', '张杰', '1', '320102200508080216', '13956001003'],
      ['2023004', '刘婷', '2', '330106200502280222', '13956001004'],
    ]),
    ...students('CS', 'CS2302', 'cs.counsellor', [
      ['2023005', '陈浩', '1', '420106200409100233', '13956001005'],
      ['2023006', '杨雪', '2', '440305200512120249', '13956001006'],
      ['2023007', '黄磊', '1', '510104200407070252', '13956001007'],
    ]),
    ...students('FL', 'FL2301', 'fl.counsellor', [
      ['2023008', '周晴', '2', '110105200501010266', '13956001008'],
      ['2023009', '吴迪', '1', null, '13956001009'],
      ['2023010', '郑爽', '2', null, '13956001010'],
    ]),
  ],
  posts: [
    { code: 'P-CS-COUNSEL', name: '计算机学院辅导员岗', dept: 'CS', a: 'cs.counsellor', b: ['cs.t2'] },
    { code: 'P-FL-COUNSEL', name: '外国语学院辅导员岗', dept: 'FL', a: 'fl.counsellor', b: ['fl.t1'] },
    { code: 'P-JWC-REVIEW', name: '教务处审核岗', dept: 'JWC', a: 'univ.jwc.1', b: ['univ.jwc'] },
    { code: 'P-HALL', name: '大厅受理岗', dept: 'HALL', a: 'univ.hall.1', b: ['univ.hall.2'] },
  ],
  absences: [
    { username: 'cs.counsellor', kind: 'business_trip', from: '2026-11-30T08:30:00+08:00', to: '2026-12-02T18:00:00+08:00', reason: '辅导员培训' },
  ],
  courses: [
    { code: 'CS101', name: '程序设计基础', teacher: 'cs.t1', dept: 'CS', credits: 4, room: '理工楼 A201', schedule: '周一 1-2节；周三 3-4节', students: ['2023001', '2023002', '2023003', '2023004', '2023005', '2023006', '2023007'] },
    { code: 'CS205', name: '数据结构', teacher: 'cs.t2', dept: 'CS', credits: 3.5, room: '理工楼 A305', schedule: '周二 3-4节', students: ['2023001', '2023002', '2023003', '2023004'] },
    { code: 'CS310', name: '软件工程', teacher: 'cs.t1', dept: 'CS', credits: 3, room: '理工楼 B102', schedule: '周四 5-6节', students: ['2023005', '2023006', '2023007'] },
    { code: 'FL110', name: '综合英语', teacher: 'fl.t1', dept: 'FL', credits: 4, room: '文科楼 201', schedule: '周一 3-4节；周五 1-2节', students: ['2023008', '2023009', '2023010'] },
    { code: 'GE100', name: '大学英语', teacher: 'fl.t1', dept: 'FL', credits: 2, room: '文科楼 105', schedule: '周三 1-2节', students: ['2023001', '2023005', '2023008'] },
  ],
}

function students(
  college: string,
  classDept: string,
  counsellor: string,
  rows: [no: string, name: string, gender: '1' | '2', idNumber: string | null, phone: string][],
): DemoUser[] {
  return rows.map(([no, name, gender, idNumber, phone]) => ({
    username: `stu.${no}`,
    name,
    depts: [classDept, college],
    roles: ['applicant'],
    person: { kind: 'student', no, gender, idNumber: idNumber ?? undefined, phone, classDept, counsellor, enrolYear: 2023 },
  }))
}
