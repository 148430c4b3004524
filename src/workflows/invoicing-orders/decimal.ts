/**
 * Medusa amounts arrive as numbers, strings or its BigNumber (holding a raw value);
 * the rules take the full-precision decimal string.
 */
export function decimal(value: unknown): string {
  if (value === null || value === undefined) {
    return "0"
  }
  if (typeof value === "number" || typeof value === "string") {
    return String(value)
  }
  const v = value as { raw?: { value?: unknown }; bigNumber?: { toFixed(): string }; numeric?: number }
  if (v.raw?.value !== undefined) {
    return String(v.raw.value)
  }
  if (v.bigNumber) {
    return v.bigNumber.toFixed()
  }
  return String(v.numeric ?? value)
}
