// Reply codes are 24 base32 characters, shown in groups of four. People copy them with spaces,
// lower case or without the dashes: accept all of those, and send the code as it was shown.
const BASE32 = /^[A-Z2-7]{24}$/;

export function normaliseReplyCode(text: string): string | null {
  const bare = text.toUpperCase().replace(/[\s-]/g, "");
  if (!BASE32.test(bare)) return null;
  return bare.match(/.{4}/g)?.join("-") ?? null;
}
