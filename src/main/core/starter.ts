/**
 * The starter workspace: China's 2020-2021 technology crackdown, as shipped in
 * `resources/starter/workspace.json`. Loaded once, when a data directory is first created.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { existsSync } from 'node:fs'
import { z } from 'zod'
import { companyFields, eventFields, id, type Company, type PolicyEvent } from '../../shared/domain'
import type { SeedData } from './store/store'

export const starterFileSchema = z.object({
  companies: z.array(companyFields.extend({ id })).min(1),
  events: z.array(eventFields.extend({ id }).refine((e) => e.sources.length > 0, { message: 'every starter event needs a source' })).min(1)
})

/**
 * The app's `resources/` folder: the nearest one above this module, which is `src/main/core` in
 * tests and `out/main` (or one of its chunk folders) once built.
 */
export function resourcesDir(): string {
  if (process.env.CAPWATCH_RESOURCES) return process.env.CAPWATCH_RESOURCES
  let dir = fileURLToPath(new URL('.', import.meta.url))
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'resources', 'starter'))) return join(dir, 'resources')
    dir = dirname(dir)
  }
  throw new Error('Capwatch resources/ folder not found: set CAPWATCH_RESOURCES')
}

export async function loadStarter(now: Date, dir = resourcesDir()): Promise<SeedData> {
  const file = join(dir, 'starter', 'workspace.json')
  const parsed = starterFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
  if (!parsed.success) {
    const i = parsed.error.issues[0]
    throw new Error(`${file}: ${i.path.join('.')}: ${i.message}`)
  }
  const stamp = now.toISOString()
  const known = new Set(parsed.data.companies.map((c) => c.id))
  const companies: Company[] = parsed.data.companies.map((c) => ({ ...c, createdAt: stamp, updatedAt: stamp }))
  const events: PolicyEvent[] = parsed.data.events.map((e) => {
    const missing = e.companies.filter((c) => !known.has(c))
    if (missing.length) throw new Error(`${file}: event ${e.id} links unknown companies ${missing.join(', ')}`)
    return { ...e, createdAt: stamp, updatedAt: stamp }
  })
  return { companies, events, notes: [] }
}
