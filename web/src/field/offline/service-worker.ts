/** Registers the field app's service worker (built as /field-sw.js), which keeps the app shell for offline use. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/field-sw.js', { scope: '/field/' }).catch(() => {
      // no service worker (a page served without TLS, a private window): the app still works online
    })
  })
}
