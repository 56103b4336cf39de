#!/usr/bin/env node
// `npm start`: build, then open the desktop app. Where Electron cannot start (no binary and no
// way to download it, or no display), say so and serve the same workbench to a browser instead.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { electronBinary, electronInstaller } from './electron-binary.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const run = (cmd, argv, opts = {}) => spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...opts })

const built = run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])
if (built.status !== 0) process.exit(built.status ?? 1)

let bin = electronBinary()
if (!bin && process.env.CAPWATCH_NO_ELECTRON_DOWNLOAD !== '1') {
  const installer = electronInstaller()
  if (installer) {
    console.error('start: the Electron binary is not installed yet; trying to download it (first launch only)…')
    const got = run(process.execPath, [installer], { timeout: 180_000, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
    bin = electronBinary()
    if (!bin) console.error(`start: the download failed: ${(got.stderr || got.error?.message || '').trim().split('\n')[0] || 'no reason given'}`)
  }
}
const hasDisplay = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)

if (bin && hasDisplay) {
  const child = spawn(bin, [root, ...args], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  const why = !bin
    ? 'the Electron binary is not installed and could not be downloaded (this machine is offline)'
    : 'there is no display to open a window on'
  console.error(`start: the desktop app cannot start here: ${why}.`)
  console.error('start: serving the same workbench to your browser instead. Open the URL below; Ctrl+C stops it.')
  const child = spawn(process.execPath, [join(root, 'bin', 'capwatch.js'), ...args, 'serve'], { cwd: root, stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
}
