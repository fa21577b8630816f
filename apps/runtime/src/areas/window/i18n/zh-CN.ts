/** Strings of the window area (under the `window` key); `en.ts` mirrors every key. */
export default {}
