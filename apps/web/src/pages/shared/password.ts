/** The server's own password rule (PASSWORD_TOO_WEAK): 10+ characters with letters and digits. */
export function isStrongPassword(value: string): boolean {
  return value.length >= 10 && /[A-Za-z]/.test(value) && /[0-9]/.test(value);
}
