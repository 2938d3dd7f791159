/**
 * A phone number reduced to the digits of its UK national form, so that "07700 900123",
 * "+44 7700 900123" and "0044 (0)7700 900-123" count as one number for the live-requests limit.
 * Pure; numbers from elsewhere keep their digits with the international prefix.
 */
export function phoneKeyOf(phone: string): string {
  let digits = phone.replace(/\D/g, "");
  if (digits.startsWith("00")) digits = digits.slice(2);
  if (digits.startsWith("44") && digits.length >= 12) {
    digits = digits.slice(2);
    // "+44 (0)7700 ..." keeps the trunk zero people often write in brackets.
    if (digits.startsWith("0")) digits = digits.slice(1);
    return `0${digits}`;
  }
  return digits;
}
