/**
 * A stored quantity as plain digits for an input field, never in exponent notation (String(1e-7) is "1e-7",
 * String(1e21) is "1e+21"); parseQuantity reads it back to the same number.
 * @example quantityInputText(0.000001) // "0.000001"
 */
export function quantityInputText(value: number): string {
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
