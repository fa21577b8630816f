/** Strings of the item editor (guide, form and process of one item). */
export default {
  title: 'Edit item: {name}',
  guide: 'Service guide',
  form: 'Form',
  process: 'Process',
  saving: 'Saving…',
  saved: 'Saved automatically (draft revision {revision})',
  unsaved: 'Unsaved changes',
  publish: 'Publish',
  versions: 'Versions',
  published: 'Version {version} published',
  conflictTitle: 'Someone else changed the draft',
  conflictText: '{name} saved draft revision {revision} while you were editing. Keeping yours overwrites theirs; taking theirs drops your unsaved changes.',
  keepMine: 'Keep my changes',
  takeTheirs: 'Take their version',
  someone: 'someone',
}
