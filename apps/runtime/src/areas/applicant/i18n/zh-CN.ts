/** Strings of the applicant area (under the `applicant` key); `en.ts` mirrors every key. */
export default {}
