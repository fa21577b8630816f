import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock'

/** Another process holding the lock, as a second `hall start` on the same folder would. */
function holdInChild(dir: string, kind: LockKind): Promise<ChildProcess> {
  const script = `import { acquireDataDirLock } from ${JSON.stringify(join(import.meta.dirname, 'data-dir-lock.ts'))}
await acquireDataDirLock(${JSON.stringify(dir)}, ${JSON.stringify(kind)}); console.log('locked'); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && done(child))
    child.once('exit', (code) => fail(new Error(`lock holder exited early with ${code}`)))
  })
}

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

type LockKind = 'abstract' | 'file'

// Linux uses an abstract socket; other systems a socket file in the folder. Both run here.
describe.each<LockKind>(['abstract', 'file'])('data folder lock (%s socket)', (kind) => {
  it('refuses a second process on the same folder, naming the holder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-lock-'))
    const holder = await holdInChild(dir, kind)
    children.push(holder)
    const attempt = acquireDataDirLock(dir, kind)
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError)
    await expect(attempt).rejects.toThrow(`pid ${holder.pid}`)
  })

  it('is free again the moment the holder dies, even by SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-lock-'))
    const holder = await holdInChild(dir, kind)
    await new Promise((done) => {
      holder.once('exit', done)
      holder.kill('SIGKILL')
    })
    const lock = await acquireDataDirLock(dir, kind)
    await lock.release()
  })

  it('lets the same folder be locked again after release, and keeps different folders apart', async () => {
    const a = mkdtempSync(join(tmpdir(), 'hall-lock-'))
    const b = mkdtempSync(join(tmpdir(), 'hall-lock-'))
    const first = await acquireDataDirLock(a, kind)
    const other = await acquireDataDirLock(b, kind)
    await first.release()
    const again = await acquireDataDirLock(a, kind)
    await Promise.all([again.release(), other.release()])
  })
})
