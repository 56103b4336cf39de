/**
 * The first screen's questions, asked as soon as the page's code starts to run. Imported first by
 * main.tsx, this runs before React and the screens are evaluated and rendered (a few hundred
 * milliseconds on a slow machine), so the events, the column layout and the companies are on
 * their way, or already here, when the Events screen asks for them. Each answer is used only by a
 * request that is exactly the same (api/client.ts, askEarly).
 */
import { askEarly } from '../api/client'
import { openingPageRequest } from '../screens/events/events-query'

askEarly('events:query', openingPageRequest())
askEarly('settings:get', {})
askEarly('companies:list', {})
askEarly('app:info', {})
