/** Set by the build from package.json; "dev" when running from sources (tests). */
declare const __CAPWATCH_VERSION__: string | undefined
export const APP_VERSION: string = typeof __CAPWATCH_VERSION__ === 'string' ? __CAPWATCH_VERSION__ : 'dev'
