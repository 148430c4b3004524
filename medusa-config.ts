import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Several machines (README, "Several machines"): with REDIS_URL, the workflow engine, the event bus,
// locking and the cache live in Redis, so that server and worker processes (MEDUSA_WORKER_MODE) on any
// number of machines share them. Without it, Medusa's in-process defaults stay as they are.
const REDIS_URL = process.env.REDIS_URL
const redisProjectConfig = REDIS_URL
  ? { redisUrl: REDIS_URL, workerMode: process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined }
  : {}
const redisModules = REDIS_URL
  ? [
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: REDIS_URL } } },
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: REDIS_URL } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl: REDIS_URL } }],
        },
      },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl: REDIS_URL } },
    ]
  : []

// The development, demo and test app: it loads the plugin straight from ./src.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    ...redisProjectConfig,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  // DISABLE_MEDUSA_ADMIN=true: no dashboard, e.g. on worker machines or in test:cluster.
  admin: { disable: process.env.DISABLE_MEDUSA_ADMIN === "true" },
  modules: [
    { resolve: "./src/modules/invoicing", options: {} },
    ...redisModules,
    {
      // E-mails are written to a folder (INVOICING_MAIL_DIR, default .data/mail), so the demo and the tests can open what was sent.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed"] } },
          {
            resolve: "./src/providers/notification-folder",
            id: "folder",
            options: { channels: ["email"], directory: process.env.INVOICING_MAIL_DIR || ".data/mail" },
          },
        ],
      },
    },
  ],
})
