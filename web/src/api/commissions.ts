import { http, type RequestOptions } from './http'
import type {
  Commission,
  CommissionCreate,
  CommissionItemDetail,
  CommissionItemPage,
  CommissionPage,
  QueryOf,
} from './types'

export type CommissionQuery = QueryOf<'listCommissions'>
export type CommissionItemQuery = QueryOf<'listCommissionItems'>

/** Commissions the insurer sent or the agency received, newest first, with counts per status. */
export const listCommissions = (query: CommissionQuery) => http.get<CommissionPage>('/commissions', query)
/** One commission with all its enterprises. */
export const getCommission = (id: number, options?: RequestOptions) => http.get<Commission>(`/commissions/${id}`, undefined, options)
/** Sends an agency a list of insured enterprises; each starts pending. */
export const createCommission = (body: CommissionCreate) => http.post<Commission>('/commissions', body)

export const listCommissionItems = (query: CommissionItemQuery) => http.get<CommissionItemPage>('/commission-items', query)
/** One enterprise of a commission with its status history. */
export const getCommissionItem = (id: number, options?: RequestOptions) =>
  http.get<CommissionItemDetail>(`/commission-items/${id}`, undefined, options)

/** The steps of an item's status machine; the URL segment of each. */
export const ITEM_ACTIONS = {
  accept: 'accept',
  decline: 'decline',
  request_cancel: 'request-cancel',
  approve_cancel: 'approve-cancel',
  reject_cancel: 'reject-cancel',
  withdraw: 'withdraw',
} as const
export type ItemAction = keyof typeof ITEM_ACTIONS

/**
 * Takes one step: the agency accepts, declines or asks to cancel (wrong data); the insurer approves or
 * rejects a cancellation, or withdraws. Declining, asking to cancel, rejecting a cancellation and
 * withdrawing an accepted item need a reason.
 */
export const actOnItem = (id: number, action: ItemAction, reason?: string) =>
  http.post<CommissionItemDetail>(`/commission-items/${id}/${ITEM_ACTIONS[action]}`, reason ? { reason } : undefined)
