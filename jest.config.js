const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true } } }],
}
const shared = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
}

module.exports = {
  projects: [
    { ...shared, displayName: "unit", testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.ts"] },
    {
      // PDFs rendered by a real Chromium (.ci/run installs one when the machine has none).
      ...shared,
      displayName: "documents",
      testMatch: ["<rootDir>/src/documents/__tests__/**/*.pdf.spec.ts"],
    },
    {
      ...shared,
      displayName: "integration",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.ts"],
      setupFiles: ["<rootDir>/integration-tests/setup.js"],
    },
    {
      // Packs the built plugin, installs it into a fresh Medusa app and boots that app.
      ...shared,
      displayName: "plugin-install",
      testMatch: ["<rootDir>/integration-tests/plugin-install/**/*.spec.ts"],
    },
  ],
}
