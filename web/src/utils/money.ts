import { madeOnFirstUse } from './first-use'

// made on first use: the browser's number data loads with it
const yuan = madeOnFirstUse(() => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }))

/** An amount in yuan as people read it: "30,000.00"; '—' when missing. */
export function formatYuan(amount: number | null | undefined): string {
  return amount === null || amount === undefined || Number.isNaN(amount) ? '—' : yuan().format(amount)
}

/** The prevention-service fund of a policy: a fixed amount, or a percent of the premium (rounded to the fen). */
export function preventionFund(kind: 'amount' | 'percent', value: number, premium: number): number {
  return kind === 'amount' ? value : Math.round(premium * value) / 100
}
