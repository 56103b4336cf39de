import { pick, seededRng } from '../src/shared/random'

export { pick }
/** The bench's generator: the same seed gives the same workspace on every machine. */
export const rng = seededRng

const WORDS = (
  'antitrust regulator fine platform data security review listing suspended market value yuan billion ' +
  'app store removal tutoring profit tax breaks gaming minors digital currency common prosperity merger ' +
  'filing exclusivity licensing delivery riders algorithm cross-border audit delisting probe summons ' +
  'guidelines monopoly payments credit scoring consumer lending restructuring shares investors analysts ' +
  'earnings guidance revenue margin outlook capital expansion discipline compliance rectification'
).split(' ')
const ZH = ['腾讯', '阿里巴巴', '美团', '拼多多', '滴滴', '监管', '反垄断', '共同富裕']

/** Prose-like text of about n characters; ~5% of it carries some Chinese, as analysts' notes do. */
export function prose(r: () => number, n: number): string {
  const parts: string[] = []
  let len = 0
  while (len < n) {
    const w = r() < 0.004 ? pick(r, ZH) : pick(r, WORDS)
    parts.push(w)
    len += w.length + 1
  }
  const s = parts.join(' ')
  return s.charAt(0).toUpperCase() + s.slice(1, n - 1) + '.'
}
