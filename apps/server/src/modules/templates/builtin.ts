import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { OrgFixture, Scenario } from '@hall/process-engine'
import { TEMPLATE_FILES, templateManifestSchema, type TemplateManifest } from './manifest'

/** A template as read from its folder; the parts are checked by `checkTemplate`. */
export interface TemplateFiles {
  folder: string
  manifest: TemplateManifest
  bpmn: string
  form: unknown
  guide: unknown
  scenario: Scenario
  org: OrgFixture
}

/**
 * The repository's `templates/` folder, found by walking up from this module so that it works
 * from the sources (tests, tsx) and from the bundle in `dist/` alike.
 */
export function builtinTemplatesFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'templates')
    if (existsSync(join(candidate, 'README.md'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) throw new Error('Could not find the templates folder above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
}

/** Ids of the built-in templates: every folder with a `template.json`. */
export async function listBuiltinTemplates(root = builtinTemplatesFolder()): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true })
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'template.json')))
    .map((entry) => entry.name)
    .sort()
}

const readJson = async (path: string): Promise<unknown> => {
  const text = await readFile(path, 'utf8')
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`, { cause: error })
  }
}

/** Reads one template folder; a missing file or an invalid manifest throws naming the file. */
export async function readTemplateFolder(folder: string): Promise<TemplateFiles> {
  const manifestPath = join(folder, 'template.json')
  const parsed = templateManifestSchema.safeParse(await readJson(manifestPath))
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`${manifestPath}: ${reasons.join('; ')}`)
  }
  return {
    folder,
    manifest: parsed.data,
    bpmn: await readFile(join(folder, TEMPLATE_FILES.process), 'utf8'),
    form: await readJson(join(folder, TEMPLATE_FILES.form)),
    guide: await readJson(join(folder, TEMPLATE_FILES.guide)),
    scenario: (await readJson(join(folder, TEMPLATE_FILES.scenario))) as Scenario,
    org: (await readJson(join(folder, TEMPLATE_FILES.org))) as OrgFixture,
  }
}
