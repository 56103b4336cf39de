import { startHost } from '../../host/server'
import { browserAdapter } from '../../host/browser-adapter'
import { rendererDir } from '../../paths'
import { warmUpFirstScreens } from '../../core/first-screens'
import type { CliCommand } from '../command'
import { ApiError } from '../../../shared/errors'
import { isCode } from '../../core/store/files'

/** Why the port could not be listened on, in the CLI's words (the raw error says "listen EADDRINUSE"). */
function listenProblem(e: unknown, port: number): unknown {
  if (isCode(e, 'EADDRINUSE')) return new ApiError('unavailable', `port ${port} is in use; try --port 0 (any free port) or another port`)
  if (isCode(e, 'EACCES')) return new ApiError('unavailable', `port ${port} needs administrator rights on this system; try --port 0 or a port above 1023`)
  return e
}

export const serve: CliCommand = {
  words: ['serve'],
  summary: 'Serve the workbench to a browser on this machine (127.0.0.1 only, token required)',
  usage: 'serve [--port N]',
  help: '  --port N   port to listen on; 0 (the default) picks a free one\nPrints the URL to open (with its token) as the first line.',
  options: { port: { type: 'string' } },
  positionals: 0,
  longRunning: true,
  adapter: 'browser',
  async run({ options, out, err, core }) {
    const { handlers, uploads } = browserAdapter(core)
    const port = options.port === undefined ? 0 : Number(options.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ApiError('invalid_input', `--port must be a number from 0 to 65535, got ${String(options.port)}`)
    const host = await startHost({ handlers, rendererDir: rendererDir(), port, uploads, log: err }).catch((e: unknown) => {
      throw listenProblem(e, port)
    })
    out(host.url)
    // The first rows and the first chart should not wait for what can be done while the window loads.
    warmUpFirstScreens(core)
    err(`serve: Capwatch workbench for ${core.dataDir} — open the URL above in a browser; Ctrl+C stops it.`)
    const stop = async () => {
      await host.close()
      await core.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
}
