import { useEffect, useState } from 'react'
import { api } from '../api/client'
import { META_FILE } from './damaged-file'

/**
 * Whether the meta file was found damaged and is still missing: the Companies screen is then
 * empty because of the damage, and must not invite re-typing everything without saying so.
 */
export function useMetaDamaged(): boolean {
  const [damaged, setDamaged] = useState(false)
  useEffect(() => {
    let live = true
    api['app:info']({}).then(
      (info) => live && setDamaged(info.problems.some((p) => p.file === META_FILE)),
      () => {}
    )
    return () => {
      live = false
    }
  }, [])
  return damaged
}
