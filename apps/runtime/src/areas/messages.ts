import applicantEn from './applicant/i18n/en'
import applicantZh from './applicant/i18n/zh-CN'
import appointmentsEn from './appointments/i18n/en'
import appointmentsZh from './appointments/i18n/zh-CN'
import approverEn from './approver/i18n/en'
import approverZh from './approver/i18n/zh-CN'
import casesEn from './cases/i18n/en'
import casesZh from './cases/i18n/zh-CN'
import statsEn from './stats/i18n/en'
import statsZh from './stats/i18n/zh-CN'
import supervisionEn from './supervision/i18n/en'
import supervisionZh from './supervision/i18n/zh-CN'
import windowEn from './window/i18n/en'
import windowZh from './window/i18n/zh-CN'

/** The areas' strings, each under its area's key (`t('approver.inbox.title')`). */
export const areaMessagesZh = { applicant: applicantZh, appointments: appointmentsZh, approver: approverZh, cases: casesZh, stats: statsZh, supervision: supervisionZh, window: windowZh }
export const areaMessagesEn = { applicant: applicantEn, appointments: appointmentsEn, approver: approverEn, cases: casesEn, stats: statsEn, supervision: supervisionEn, window: windowEn }
