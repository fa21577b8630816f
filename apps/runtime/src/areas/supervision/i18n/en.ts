import type zhCN from './zh-CN'

const en: typeof zhCN = {}

export default en
