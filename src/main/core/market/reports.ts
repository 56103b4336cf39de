/** The impact and marketcap reports (IMPACT.md). Owner: market. */
import { ApiError } from '../../../shared/errors'
import type { ReportBuilder } from '../reports/types'

export const impactReport: ReportBuilder = () => {
  throw new ApiError('unavailable', 'The impact report is not available yet')
}

export const marketcapReport: ReportBuilder = () => {
  throw new ApiError('unavailable', 'The marketcap report is not available yet')
}
