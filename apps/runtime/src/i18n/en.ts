import type zhCN from './zh-CN'

const en: typeof zhCN = {
  app: { title: 'Service hall' },
  nav: { home: 'Home', profile: 'My profile' },
  home: {
    greeting: 'Hello, {name}',
    intro: 'Apply for services, follow your cases and handle your tasks here.',
    myCases: 'My cases',
    myCasesText: 'The cases you submitted and where they stand.',
    myTasks: 'My tasks',
    myTasksText: 'Tasks assigned to you or to your post.',
    guides: 'Service guides',
    guidesText: 'Conditions, materials and time limits of each service.',
  },
}

export default en
