import BigNumber from "bignumber.js"

/** Money and rates travel as decimal strings in major units, so nothing is lost to floats. */
export type Amount = string

export type AmountLike = string | number | BigNumber

const Big = BigNumber.clone({ DECIMAL_PLACES: 40, ROUNDING_MODE: BigNumber.ROUND_HALF_UP })

export function big(value: AmountLike | null | undefined): BigNumber {
  if (value === null || value === undefined || value === "") {
    return new Big(0)
  }
  return new Big(value)
}

/** Commercial rounding (half away from zero) to the currency's decimal digits. */
export function roundToCurrency(value: AmountLike, digits: number): BigNumber {
  return big(value).decimalPlaces(digits, BigNumber.ROUND_HALF_UP)
}

export function sum(values: AmountLike[]): BigNumber {
  return values.reduce<BigNumber>((acc, v) => acc.plus(big(v)), new Big(0))
}

export function toAmount(value: BigNumber): Amount {
  return value.isZero() ? "0" : value.toFixed()
}
