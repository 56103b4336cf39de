import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

// The main build has two entries over one domain core: the Electron shell (index) and the
// `capwatch` CLI / browser host (cli). Node 20 is the floor because the CLI runs on plain Node.
export default defineConfig({
  main: {
    define: { __CAPWATCH_VERSION__: JSON.stringify(pkg.version) },
    build: {
      target: 'node20',
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli/main.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules: it is one CommonJS file with its deps bundled.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    build: {
      minify: true,
      // One stylesheet, loaded with the page. Split per screen, each screen's CSS was inserted
      // when its code was preloaded (just after the first rows are shown, as the analyst starts
      // to scroll) and the whole document was restyled and laid out again: a frame of 60-100 ms.
      cssCodeSplit: false,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } }
    },
    plugins: [react()]
  }
})
