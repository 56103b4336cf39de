#!/usr/bin/env node
// The `capwatch` command: runs the built CLI (out/main/cli.js). Build first with `npm run build`.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('capwatch: not built yet. Run `npm run build` in the Capwatch folder first.')
  process.exit(1)
}
const { runCli } = await import(pathToFileURL(cli).href)
const code = await runCli(process.argv.slice(2))
if (code !== 0) process.exit(code)
