/**
 * Shown instead of the workbench when the browser host refuses this page's token (a copied
 * address without it, or a page left open from an earlier run): empty screens with "missing
 * token" errors beside an "Add event" button would contradict each other.
 */
export function AccessRefused() {
  return (
    <main className="access-refused" role="alert" aria-labelledby="access-refused-title">
      <h1 id="access-refused-title">This page has no access to your workspace</h1>
      <p>
        Capwatch in a browser answers only pages opened from the address it printed when it started (the one ending in <code>#token=…</code>): this page was
        opened without that token, or with one from an earlier run.
      </p>
      <p>
        Open the address printed by <code>npm start</code> or <code>capwatch serve</code> in the terminal. The token keeps other web pages and programs on this computer
        away from your notes and data.
      </p>
    </main>
  )
}
