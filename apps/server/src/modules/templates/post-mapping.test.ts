import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDefinition } from '@hall/process-engine'
import { describe, expect, it } from 'vitest'
import { builtinTemplatesFolder } from './builtin'
import { postsOf } from './check'
import { canonicalBpmn, remapPosts } from './post-mapping'

const staffLeave = () => readFile(join(builtinTemplatesFolder(), 'staff-leave', 'process.bpmn'), 'utf8')
const postsIn = async (xml: string) => {
  const parsed = await parseDefinition(xml)
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '))
  return [...postsOf(parsed.definition)].sort()
}

describe('remapPosts', () => {
  it('maps every assignee and escalation post to the installing unit\'s code and leaves the rest', async () => {
    const mapped = await remapPosts(await staffLeave(), { 'P-SUP': 'SUP-OFFICE', 'P-DEPUTY': 'LEADER-2' })
    expect(await postsIn(mapped)).toEqual(['LEADER-2', 'SUP-OFFICE'])
    expect(mapped).toContain('hall:assignee="deptHead:1"')
    expect(mapped).toContain('&#34;post:SUP-OFFICE&#34;')
    expect(mapped).toContain('bpmndi:BPMNShape')
  })

  it('returns the document untouched for an identity mapping', async () => {
    const xml = await staffLeave()
    expect(await remapPosts(xml, { 'P-SUP': 'P-SUP' })).toBe(xml)
  })

  it('round-trips: mapping there and back means the same process', async () => {
    const xml = await staffLeave()
    const there = await remapPosts(xml, { 'P-SUP': 'X1', 'P-DEPUTY': 'X2' })
    const back = await remapPosts(there, { X1: 'P-SUP', X2: 'P-DEPUTY' })
    expect(await canonicalBpmn(back)).toBe(await canonicalBpmn(xml))
  })
})
