/** Strings of the built-in templates page. */
export default {
  title: 'Built-in templates',
  intro: 'Common items drawn from the regulations. Installing one publishes it as an item of your unit, editable in the item list.',
  basis: 'Basis',
  posts: 'Posts',
  missing: 'Your unit has no such post: choose the one that does this work',
  dept: 'Accepting department or window',
  install: 'Install',
  installed: 'Installed as an item (version {version})',
  unchanged: 'Already installed with the same content; nothing published again',
  open: 'Open the item',
}
