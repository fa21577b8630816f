/** Node-only entry points (`@hall/process-engine/cli`). */
export { runSimulateCli, type CliIo } from './simulate'
