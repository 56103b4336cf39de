#!/usr/bin/env node
// `npm run bench`: bundle the bench (TypeScript, importing the core's sources) with esbuild and
// run it with an exposed GC so measurements start from a clean heap.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, '.bench', 'bench.mjs')
await build({
  entryPoints: [join(root, 'bench', 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: out,
  logLevel: 'warning'
})
const res = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', out, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
process.exit(res.status ?? 1)
