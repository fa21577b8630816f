import { applicantArea } from './applicant'
import { appointmentsArea } from './appointments'
import { approverArea } from './approver'
import { casesArea } from './cases'
import { statsArea } from './stats'
import { supervisionArea } from './supervision'
import { windowArea } from './window'
import type { RuntimeArea } from './area'

/** Every area of the runtime, in navigation order. */
export const AREAS: RuntimeArea[] = [applicantArea, casesArea, approverArea, windowArea, appointmentsArea, supervisionArea, statsArea]
