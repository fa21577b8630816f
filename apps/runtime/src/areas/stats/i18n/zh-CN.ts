/** Strings of the stats area (under the `stats` key); `en.ts` mirrors every key. */
export default {}
