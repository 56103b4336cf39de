/**
 * Work deferred to the next animation frame, run in one callback just before that frame's style,
 * layout and paint: first the tasks that read layout (where the grid is scrolled to), then the
 * tasks that change what is shown (rows that arrived meanwhile). In that order a frame lays out
 * once: a read after a write would force a layout of rows that the read then replaces.
 */
type Task = () => void

let reads: Task[] = []
let writes: Task[] = []
let frame = 0

function run(): void {
  frame = 0
  const r = reads
  const w = writes
  reads = []
  writes = []
  for (const task of r) task()
  for (const task of w) task()
}

export function beforeNextPaint(phase: 'read' | 'write', task: Task): void {
  ;(phase === 'read' ? reads : writes).push(task)
  if (!frame) frame = requestAnimationFrame(run)
}

/**
 * A trigger for `task` that, however often it fires (a scroll event per input), runs the task
 * once, in the given phase of the next frame; firing again after that schedules another run.
 */
export function oncePerFrame(phase: 'read' | 'write', task: Task): () => void {
  let pending = false
  const run = () => {
    pending = false
    task()
  }
  return () => {
    if (pending) return
    pending = true
    beforeNextPaint(phase, run)
  }
}
