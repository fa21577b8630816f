/** Strings of the runtime (the hall applicants and staff use); `en.ts` mirrors every key. */
export default {
  app: { title: '办事大厅' },
  nav: { home: '首页', profile: '个人信息' },
  home: {
    greeting: '您好，{name}',
    intro: '在这里办理事项、查看进度和处理待办。',
    myCases: '我的办件',
    myCasesText: '查看您提交的办件及办理进度。',
    myTasks: '我的待办',
    myTasksText: '处理分配给您或您岗位的待办任务。',
    guides: '办事指南',
    guidesText: '查看各事项的办理条件、材料和时限。',
  },
}
