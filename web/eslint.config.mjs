import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import pluginVue from 'eslint-plugin-vue'

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'node_modules/**', 'src/api/schema.d.ts'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommendedTypeChecked,
  {
    rules: {
      // Element Plus and Vant layouts read better with several attributes per line; formatting is not linted
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      // pages of the recipe are named index.vue / form.vue
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // fetch stubs and fake forms are async by signature
      '@typescript-eslint/require-await': 'off',
      'vue/one-component-per-file': 'off',
    },
  },
  {
    files: ['e2e/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.mjs'],
    extends: [vueTsConfigs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', document: 'readonly', localStorage: 'readonly' } },
  },
)
