/** Strings of the cases area (under the `cases` key); `en.ts` mirrors every key. */
export default {}
