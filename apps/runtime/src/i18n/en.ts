import { areaMessagesEn } from '../areas/messages'
import type zhCN from './zh-CN'

const en: typeof zhCN = {
  ...areaMessagesEn,
  app: { title: 'Service hall' },
  nav: { home: 'Home', profile: 'My profile' },
  /** Why the server refused a file, shown at its field (uploads/case-uploads.ts). */
  upload: {
    FILE_TOO_LARGE: '{name} is larger than this field allows',
    FILE_TYPE_REJECTED: '{name} is not a file type this field accepts',
    TOO_MANY_FILES: 'This field cannot hold that many files',
  },
  caseTimeline: {
    empty: 'Nothing has happened yet',
    handler: 'Handled by {name}',
    due: 'Due {due}',
    events: {
      'process.started': 'Submitted',
      'task.completed': 'Done',
      'task.auto-completed': 'Done automatically',
      'task.returned': 'Returned',
      'task.rejected': 'Rejected',
      'task.transferred': 'Transferred',
      'task.delegated': 'Delegated',
      'task.reassigned': 'Reassigned (AB post)',
      'task.signer-added': 'Signer added',
      'task.urged': 'Urged',
      'process.cc': 'Copied',
      'process.withdrawn': 'Withdrawn by the applicant',
      'clock.suspended': 'Clock stopped (supplement / tolerate-missing)',
      'clock.resumed': 'Clock running again',
      'process.extended': 'Extended',
      'message.correlated': 'Confirmed',
      'process.completed': 'Completed',
      'process.terminated': 'Terminated',
    },
    autoCompleted: { timeout: 'Done automatically on timeout', unchanged: 'Agreed again automatically (nothing changed)' },
    outcomes: { agree: 'Agreed', disagree: 'Disagreed', reject: 'Rejected', approve: 'Agreed' },
  },
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
