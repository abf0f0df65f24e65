import { http } from './http'
import type { Dictionaries } from './types'

export const getDictionaries = () => http.get<Dictionaries>('/dictionaries')
