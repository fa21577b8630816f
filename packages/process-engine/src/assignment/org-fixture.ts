/**
 * An in-memory organisation for tests and simulation (DOMAIN.md §1): departments nest,
 * posts have an A holder and ordered B holders who stand in while A is absent.
 */
import type { AssignmentResolver, AssignmentContext, OrgSpec } from './resolver'

export interface OrgFixture {
  users: { id: string; dept: string; posts?: string[]; roles?: string[] }[]
  depts: { id: string; parent?: string | null; head?: string | null }[]
  posts?: { id: string; a: string; b?: string[] }[]
  /** Absences as ISO instants; `to` is exclusive. */
  absent?: { user: string; from: string; to: string }[]
}

/** Build an {@link AssignmentResolver} over a fixture. */
export function createOrgResolver(org: OrgFixture): AssignmentResolver {
  const depts = new Map(org.depts.map((d) => [d.id, d]))
  const isAbsent = (user: string, at: Date) =>
    (org.absent ?? []).some((a) => a.user === user && Date.parse(a.from) <= at.getTime() && at.getTime() < Date.parse(a.to))

  const postHolder = (postId: string, at: Date): string[] => {
    const post = org.posts?.find((p) => p.id === postId)
    if (post) {
      const present = [post.a, ...(post.b ?? [])].find((u) => !isAbsent(u, at))
      return present ? [present] : []
    }
    // A post without an AB entry is held by everyone listing it.
    return org.users.filter((u) => u.posts?.includes(postId) && !isAbsent(u.id, at)).map((u) => u.id)
  }

  const deptHead = (levels: number, context: AssignmentContext): string[] => {
    const initiator = org.users.find((u) => u.id === context.initiator)
    let dept = initiator ? depts.get(initiator.dept) : undefined
    for (let i = 1; i < levels && dept; i++) dept = dept.parent ? depts.get(dept.parent) : undefined
    return dept?.head ? [dept.head] : []
  }

  return {
    resolve(spec: OrgSpec, context: AssignmentContext): string[] {
      switch (spec.kind) {
        case 'role':
          return org.users.filter((u) => u.roles?.includes(spec.id)).map((u) => u.id)
        case 'post':
          return postHolder(spec.id, context.at)
        case 'deptHead':
          return deptHead(spec.levels, context)
      }
    },
  }
}
