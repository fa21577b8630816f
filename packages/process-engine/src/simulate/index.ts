export { simulate } from './simulate'
export { assertScenario, type Scenario, type ScenarioStep, type ScenarioExpectation, type TraceLine } from './scenario'
