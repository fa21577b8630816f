/**
 * Which rows (or columns) of a large, evenly sized grid a scrolled viewport shows. The field
 * permission matrix is fields × tasks: 200 × 150 is 30,000 selects, far too many to mount, so it
 * mounts only the ones in view plus a margin, and spacers keep the scroll size of the whole grid.
 */
export interface GridWindow {
  /** First index shown. */
  start: number
  /** One past the last index shown. */
  end: number
  /** Pixels before `start` and after `end` that spacers fill. */
  before: number
  after: number
}

/**
 * The slice of `count` items of `size` px each that a viewport of `viewport` px scrolled by
 * `offset` px shows, widened by `margin` items each side (so keyboard focus and fast scrolling
 * find the neighbours already there).
 */
export function gridWindow(
  offset: number,
  viewport: number,
  size: number,
  count: number,
  margin = 2,
): GridWindow {
  // An offset past the end (the grid shrank under a scrolled viewport) shows the last items.
  const furthest = Math.max(0, count * size - viewport)
  const first = Math.floor(Math.min(Math.max(0, offset), furthest) / size)
  const start = Math.min(count, Math.max(0, first - margin))
  const end = Math.min(count, first + Math.ceil(Math.max(0, viewport) / size) + 1 + margin)
  return {
    start,
    end: Math.max(start, end),
    before: start * size,
    after: (count - Math.max(start, end)) * size,
  }
}
