import 'vant/lib/index.css'
import './styles.css'
import { createPinia } from 'pinia'
import { showToast } from 'vant'
import { createApp } from 'vue'
import { connectHttp } from '@/app/connect-http'
import { installErrorHandling } from '@/app/errors'
import { envRiskMessages } from '@/envrisk/messages'
import { i18n } from '@/i18n'
import App from './App.vue'
import { fieldOfflineMessages } from './locales'
import { registerServiceWorker } from './offline/service-worker'
import { installSync } from './offline/sync'
import { router } from './router'

for (const [locale, messages] of Object.entries(envRiskMessages)) i18n.global.mergeLocaleMessage(locale as never, messages as never)
for (const [locale, messages] of Object.entries(fieldOfflineMessages)) i18n.global.mergeLocaleMessage(locale as never, messages as never)

const app = createApp(App)
app.use(createPinia()).use(i18n).use(router)
installErrorHandling(app)
connectHttp(router, (message) => showToast({ message, position: 'top' }))
app.mount('#app')
installSync()
registerServiceWorker()
