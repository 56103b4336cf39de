/**
 * What the Events toolbar and detail panel do to events: add, duplicate, delete with an Undo
 * toast, and save edits. Each keeps the table's rows in step (patch in place, or refresh).
 */
import { useCallback } from 'react'
import type { EventRow } from '../../../../shared/api'
import type { EventInput } from '../../../../shared/domain'
import { todayIso } from '../../../../shared/dates'
import { api } from '../../api/client'
import { useToast } from '../../components/Toast'
import { errorText } from '../../components/error-text'
import type { EventPager } from './event-pager'

export interface EventActions {
  add: () => Promise<EventRow | null>
  duplicate: (id: string) => Promise<EventRow | null>
  /** Delete with an Undo toast; `onRestored` hears of an undo (to select the event again). */
  remove: (row: Pick<EventRow, 'id' | 'title'>, onRestored?: (id: string) => void) => Promise<boolean>
  /**
   * Save a change and show it in its row at once; throws the core's error (the caller shows it
   * beside the field). Where the row now sorts is the caller's to fetch (`pager.refresh()`).
   */
  update: (id: string, patch: Partial<EventInput>) => Promise<EventRow>
}

export function useEventActions(pager: EventPager): EventActions {
  const toast = useToast()
  const fail = useCallback((what: string, e: unknown) => toast({ message: `${what}: ${errorText(e)}`, tone: 'error' }), [toast])

  const add = useCallback(async () => {
    try {
      const row = await api['events:create']({ fields: { date: todayIso(), title: 'New event' } })
      pager.refresh()
      return row
    } catch (e) {
      fail('Could not add the event', e)
      return null
    }
  }, [pager, fail])

  const duplicate = useCallback(
    async (id: string) => {
      try {
        const row = await api['events:duplicate']({ id })
        pager.refresh()
        toast({ message: `Duplicated as “${row.title}”` })
        return row
      } catch (e) {
        fail('Could not duplicate the event', e)
        return null
      }
    },
    [pager, fail, toast]
  )

  const remove = useCallback(
    async (row: Pick<EventRow, 'id' | 'title'>, onRestored?: (id: string) => void) => {
      try {
        const { undoToken } = await api['events:delete']({ ids: [row.id] })
        pager.refresh()
        toast({
          message: `Deleted “${row.title}”`,
          action: {
            label: 'Undo',
            run: async () => {
              try {
                await api['events:undoDelete']({ undoToken })
                pager.refresh()
                onRestored?.(row.id)
                toast({ message: `Restored “${row.title}”` })
              } catch (e) {
                fail('Could not undo', e)
              }
            }
          }
        })
        return true
      } catch (e) {
        fail('Could not delete the event', e)
        return false
      }
    },
    [pager, fail, toast]
  )

  const update = useCallback(
    async (id: string, patch: Partial<EventInput>) => {
      const row = await api['events:update']({ id, patch })
      pager.patchRow(row)
      return row
    },
    [pager]
  )

  return { add, duplicate, remove, update }
}
