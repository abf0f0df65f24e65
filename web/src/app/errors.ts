import type { App } from 'vue'
import { ApiError } from '@/api/http'

/** ApiErrors were already shown to the user by the request client; anything else is a bug to log. */
export function installErrorHandling(app: App): void {
  app.config.errorHandler = (error) => {
    if (!(error instanceof ApiError)) console.error(error)
  }
  window.addEventListener('unhandledrejection', (event) => {
    if (event.reason instanceof ApiError) event.preventDefault()
  })
}
