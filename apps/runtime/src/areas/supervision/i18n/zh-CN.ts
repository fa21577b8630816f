/** Strings of the supervision area (under the `supervision` key); `en.ts` mirrors every key. */
export default {}
