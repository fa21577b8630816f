/** Strings of the approver area (under the `approver` key); `en.ts` mirrors every key. */
export default {}
