/** Workspace settings: reporting currency, FX, impact windows, and the renderer's layout. */
import type { Settings } from '../../shared/domain'
import { settingsSchema } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import type { Store } from './store/store'

export class SettingsService {
  constructor(private readonly store: Store) {}

  get(): Settings {
    return this.store.settings.get()
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const current = this.get()
    // Layout keys are saved one at a time by the renderer: merge them rather than replace.
    const merged = { ...current, ...patch, ...(patch.ui ? { ui: { ...current.ui, ...patch.ui } } : {}) }
    const parsed = settingsSchema.safeParse(merged)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      throw new ApiError('invalid_input', `Invalid settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues })
    }
    this.store.settings.set(parsed.data)
    await this.store.commit()
    return parsed.data
  }
}
