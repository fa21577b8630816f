import { createMemoryStore } from './memory-store'
import { storeContract } from '../testing/store-contract'

storeContract('memory', () => createMemoryStore())
