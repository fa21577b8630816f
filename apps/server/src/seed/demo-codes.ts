/** Code tables (数据标准) every demo unit gets: options of selects come from here. */
export const DEMO_CODE_TABLES: Record<string, { name: string; codes: [code: string, label: string][] }> = {
  gender: { name: '性别', codes: [['1', '男'], ['2', '女']] },
  leave_type: {
    name: '请假类型',
    codes: [['personal', '事假'], ['sick', '病假'], ['annual', '年休假'], ['marriage', '婚假'], ['maternity', '产假'], ['bereavement', '丧假']],
  },
  student_leave_type: { name: '学生请假类型', codes: [['personal', '事假'], ['sick', '病假'], ['public', '公假']] },
  title: { name: '职称', codes: [['professor', '教授'], ['associate', '副教授'], ['lecturer', '讲师'], ['assistant', '助教']] },
  political_status: { name: '政治面貌', codes: [['cpc', '中共党员'], ['cyl', '共青团员'], ['masses', '群众']] },
  person_kind: { name: '人员类别', codes: [['student', '学生'], ['teacher', '教师'], ['staff', '职工'], ['citizen', '群众']] },
}
