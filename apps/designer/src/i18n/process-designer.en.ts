import type zhCN from './process-designer.zh-CN'

const en: typeof zhCN = {
  title: 'Process design',
  intro: 'Drag steps from the palette, click the small icons beside a step to append the next one; set assignees, deadlines and conditions on the right.',
  canvas: 'Process diagram canvas',
  name: 'Name',
  remove: 'Remove',
  imported: 'Diagram imported',
  importRefused: 'Cannot import: {reason}. The current diagram is unchanged.',
  importFailed: 'The diagram cannot be opened: {reason}',
  toolbar: { label: 'Diagram actions', undo: 'Undo', redo: 'Redo', undoHint: 'Ctrl+Z', redoHint: 'Ctrl+Y', fit: 'Zoom to fit', import: 'Import .bpmn', export: 'Export' },
  tabs: { properties: 'Properties', problems: 'Problems ({n})', testRun: 'Test run' },
  types: {
    Process: 'Process', StartEvent: 'Start event', EndEvent: 'End event', UserTask: 'User task', Task: 'Task', ServiceTask: 'Service task', ScriptTask: 'Script task',
    ExclusiveGateway: 'Exclusive gateway', ParallelGateway: 'Parallel gateway', InclusiveGateway: 'Inclusive gateway', EventBasedGateway: 'Event gateway', SequenceFlow: 'Flow',
    IntermediateThrowEvent: 'Intermediate event', IntermediateCatchEvent: 'Intermediate event', BoundaryEvent: 'Boundary event', SubProcess: 'Sub-process', CallActivity: 'Call activity', TextAnnotation: 'Annotation',
  },
  units: { wd: 'working days', d: 'days', h: 'hours', m: 'minutes' },
  process: { promise: 'Promised time limit', itemType: 'Item type' },
  itemTypes: { instant: 'Instant', promised: 'Promised', joint: 'Joint', escalated: 'Escalated', special: 'Special procedure', agency: 'Agency' },
  task: { skipIfUnchanged: 'After a return and resubmission, agree automatically when nothing this step shows changed', assignee: 'Assignee', approval: 'Approval mode', due: 'Time limit', warn: 'Warn before', onTimeout: 'When overdue', form: 'Form', formHint: 'Form key (default: the item form)' },
  assignee: {
    user: 'Person', role: 'Role', post: 'Post', deptHead: 'Department head (n levels up)', initiatorChosen: 'Chosen by initiator', field: 'Form field',
    pick: 'Choose', add: 'Add candidate', loadFailed: 'The organisation could not be loaded; reload to retry',
  },
  approval: { single: 'Single', all: 'All must agree (会签)', any: 'First answer decides (或签)', sequential: 'In order (依次)', ratio: 'By ratio', ratioLabel: 'Agree share at least' },
  timeout: { none: 'Nothing', remind: 'Remind', approve: 'Approve automatically', reject: 'Reject automatically', escalate: 'Hand over', escalateTo: 'Hand over to' },
  permissions: {
    title: 'Field permissions', field: 'Field', default: 'Default', editable: 'Editable', readonly: 'Read-only', hidden: 'Hidden',
    empty: 'Once the form has fields and the process has user tasks, set each step’s field permissions here.',
  },
  gateway: { flows: 'Flows', none: 'No outgoing flows yet', noCondition: 'no condition' },
  flow: { default: 'Default flow', condition: 'Condition', builder: 'Builder', feel: 'FEEL', none: '(no condition)' },
  condition: { field: 'Field', and: 'and', or: 'or', allGroups: 'All groups', anyGroup: 'Any group', addRow: '+ Add condition', addGroup: '+ Add group', yes: 'Yes', no: 'No' },
  operators: { eq: '=', ne: '≠', gt: '>', ge: '≥', lt: '<', le: '≤', contains: 'contains', empty: 'is empty', notEmpty: 'is not empty', in: 'in list' },
  feel: { needsEquals: 'Start the expression with =, e.g. =days > 3', syntax: 'Expression error near character {position}: {message}' },
  problems: { none: 'No problems found', error: 'Error', warning: 'Warning', checkFailed: 'The server check is unavailable; showing local rules only' },
  testRun: {
    initiator: 'Initiator', listHint: 'Separate values with commas', start: 'Start test run', autoAgree: 'Agree all the way', reset: 'Clear', agree: 'Agree', disagree: 'Disagree',
    return: 'Return', returnTo: 'Return to', assignees: 'Assignees', due: 'Due',
    status: { running: 'Running', completed: 'Completed', terminated: 'Terminated', failed: 'Failed' },
    outcomes: { agree: 'Agreed', disagree: 'Disagreed', returned: 'Returned', rejected: 'Rejected' },
  },
}
export default en
