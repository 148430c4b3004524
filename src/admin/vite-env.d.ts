/// <reference types="vite/client" />

// Injected by the admin bundler: the backend URL the dashboard talks to
// ("" or undefined when the dashboard is served by the Medusa server itself).
declare const __BACKEND_URL__: string | undefined
