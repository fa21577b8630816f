/**
 * Our engine vs bpmn-engine on the same two processes, completing user tasks in memory:
 *   A: start → user task → exclusive gateway → end
 *   B: start → parallel split → two user tasks → join → end
 * Prints progress lines, then one JSON summary line. Run: `pnpm bench` (node --expose-gc via tsx).
 */
import { EventEmitter } from 'node:events'
import { Engine as BpmnEngine } from 'bpmn-engine'
import { BpmnModdle } from 'bpmn-moddle'
import { evaluate } from 'feelin'
import { compileFeel, createEngine, createMemoryStore } from '../src/index'

/** Instances per process: ours 2 × 10,000; bpmn-engine 2 × 1,000 (≥ 2,000 in all, within 3 minutes). */
const OURS = 10_000
const THEIRS = 1_000
const WAITING = 2_000

const hallXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D">
<bpmn:process id="P" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`

const ours = {
  gateway: hallXml(`<bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u1"/><bpmn:exclusiveGateway id="g" default="fd"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="g"/>
    <bpmn:sequenceFlow id="fc" sourceRef="g" targetRef="e1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=days &gt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fd" sourceRef="g" targetRef="e2"/>`),
  parallel: hallXml(`<bpmn:startEvent id="s"/><bpmn:parallelGateway id="split"/><bpmn:userTask id="A" hall:assignee="user:u1"/><bpmn:userTask id="B" hall:assignee="user:u2"/><bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="split"/><bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="A"/><bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="B"/>
    <bpmn:sequenceFlow id="f4" sourceRef="A" targetRef="join"/><bpmn:sequenceFlow id="f5" sourceRef="B" targetRef="join"/><bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="e"/>`),
}
// bpmn-engine has no FEEL: the same condition as its JavaScript expression.
const theirs = {
  gateway: ours.gateway.replace('=days &gt; 3', '${environment.variables.days &gt; 3}').replace(/ hall:assignee="[^"]*"/g, ''),
  parallel: ours.parallel.replace(/ hall:assignee="[^"]*"/g, ''),
}

const gc = (globalThis as { gc?: () => void }).gc
const heap = () => {
  gc?.()
  gc?.()
  return process.memoryUsage().heapUsed
}

async function oursRun(xml: string, n: number, complete: boolean) {
  let seq = 0
  const at = new Date('2026-09-29T02:00:00Z')
  const engine = createEngine({ store: createMemoryStore(), clock: { now: () => at }, newId: () => `i${++seq}` })
  const def = await engine.deploy(xml)
  for (let i = 0; i < n; i++) {
    const id = await engine.start({ definitionId: def.id, initiator: 'u0', variables: { days: i % 7 } })
    if (!complete) continue
    for (const task of await engine.findTasks({ instanceId: id, status: 'open' })) await engine.complete(task.id, { by: task.assignee! })
    if ((await engine.getInstance(id))!.status !== 'completed') throw new Error(`instance ${id} did not complete`)
  }
  return engine
}

async function theirsRun(xml: string, n: number, complete: boolean) {
  const listener = new EventEmitter()
  if (complete) listener.on('activity.wait', (api: { signal: () => void }) => api.signal())
  // Parse once, as we do at deploy, so only execution is compared.
  const moddleContext = await new BpmnModdle().fromXML(xml)
  const waiting: BpmnEngine[] = []
  for (let i = 0; i < n; i++) {
    const engine = new BpmnEngine({ name: `i${i}`, moddleContext: moddleContext as never })
    const execution = await engine.execute({ listener, variables: { days: i % 7 } })
    if (complete && execution.state !== 'idle') throw new Error(`bpmn-engine instance ${i} is ${execution.state}`)
    if (!complete) waiting.push(engine)
  }
  return waiting
}

async function rate(name: string, n: number, run: (xml: string, n: number) => Promise<unknown>, xmls: { gateway: string; parallel: string }) {
  const started = performance.now()
  await run(xmls.gateway, n)
  await run(xmls.parallel, n)
  const seconds = (performance.now() - started) / 1000
  const perSecond = (2 * n) / seconds
  console.log(`${name}: ${2 * n} instances (both processes) in ${seconds.toFixed(2)} s = ${perSecond.toFixed(0)}/s`)
  return perSecond
}

async function bytesPerWaiting(name: string, run: () => Promise<unknown>) {
  const before = heap()
  const kept = await run()
  const after = heap()
  const bytes = (after - before) / WAITING
  console.log(`${name}: ${(bytes / 1024).toFixed(2)} KB retained per instance waiting at a user task (${WAITING} waiting)`)
  if (!kept) throw new Error('unreachable')
  return bytes
}

function feelRates() {
  const perSecond = (n: number, run: (i: number) => unknown) => {
    const started = performance.now()
    for (let i = 0; i < n; i++) run(i)
    return n / ((performance.now() - started) / 1000)
  }
  const compiled = compileFeel('days > 3 and kind = "leave"')
  const fast = perSecond(200_000, (i) => compiled.evaluate({ days: i % 7, kind: 'leave' }))
  const slow = perSecond(5_000, (i) => evaluate('days > 3 and kind = "leave"', { days: i % 7, kind: 'leave' }))
  console.log(`FEEL condition: compiled once ${fast.toFixed(0)}/s vs feelin evaluate() ${slow.toFixed(0)}/s`)
}

feelRates()
if (!gc) console.log('warning: run with node --expose-gc for heap figures (tsx --expose-gc bench/engine.ts)')
await oursRun(ours.gateway, 500, true) // warm-up
await theirsRun(theirs.gateway, 200, true)
const oursPerS = await rate('ours', OURS, (x, n) => oursRun(x, n, true), ours)
const theirsPerS = await rate('bpmn-engine', THEIRS, (x, n) => theirsRun(x, n, true), theirs)
const oursBytes = await bytesPerWaiting('ours', () => oursRun(ours.gateway, WAITING, false))
const theirsBytes = await bytesPerWaiting('bpmn-engine', () => theirsRun(theirs.gateway, WAITING, false))
console.log(JSON.stringify({
  ours_per_s: Math.round(oursPerS),
  bpmn_engine_per_s: Math.round(theirsPerS),
  ratio: Number((oursPerS / theirsPerS).toFixed(2)),
  ours_bytes_per_waiting: Math.round(oursBytes),
  bpmn_engine_bytes_per_waiting: Math.round(theirsBytes),
}))
