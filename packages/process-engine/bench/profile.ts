import { createEngine, createMemoryStore } from '../src/index'
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D">
<bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u1"/><bpmn:exclusiveGateway id="g" default="fd"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="g"/>
    <bpmn:sequenceFlow id="fc" sourceRef="g" targetRef="e1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=days &gt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fd" sourceRef="g" targetRef="e2"/></bpmn:process></bpmn:definitions>`
let seq = 0
const at = new Date('2026-09-29T02:00:00Z')
const engine = createEngine({ store: createMemoryStore(), clock: { now: () => at }, newId: () => `i${++seq}` })
const def = await engine.deploy(xml)
const t0 = performance.now()
for (let i = 0; i < 10000; i++) {
  const id = await engine.start({ definitionId: def.id, initiator: 'u0', variables: { days: i % 7 } })
  for (const task of await engine.findTasks({ instanceId: id, status: 'open' })) await engine.complete(task.id, { by: task.assignee! })
}
console.log((10000 / ((performance.now() - t0) / 1000)).toFixed(0), '/s')
