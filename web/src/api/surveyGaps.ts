import { http } from './http'
import type { QueryOf, SurveyGapPage } from './types'

export type SurveyGapQuery = QueryOf<'listSurveyGaps'>

/** Insured enterprises with no on-site survey yet in their policy year (wuxi §15(一)). */
export const listSurveyGaps = (query: SurveyGapQuery) => http.get<SurveyGapPage>('/survey-gaps', query)
