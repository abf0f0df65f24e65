import 'element-plus/dist/index.css'
import './styles.css'
import { ElMessage } from 'element-plus'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import '@/app/week-start'
import { connectHttp } from '@/app/connect-http'
import { installErrorHandling } from '@/app/errors'
import { envRiskMessages } from '@/envrisk/messages'
import { i18n } from '@/i18n'
import App from './App.vue'
import { vPerm } from './directives/perm'
import { router } from './router'

for (const [locale, messages] of Object.entries(envRiskMessages)) i18n.global.mergeLocaleMessage(locale as never, messages as never)
const app = createApp(App)
app.use(createPinia()).use(i18n).use(router).directive('perm', vPerm)
installErrorHandling(app)
connectHttp(router, (message) => ElMessage({ type: 'error', message, grouping: true, showClose: true }))
app.mount('#app')
