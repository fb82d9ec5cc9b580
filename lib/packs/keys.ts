/**
 * Ed25519 keys for data packs, through WebCrypto (browsers and Node 20 alike). A public key travels
 * as the base64 of its 32 raw bytes, the form a reader pastes when subscribing; a private key as the
 * base64 of its PKCS #8 encoding, the form a publisher keeps outside the repository.
 */

/** The WebCrypto algorithm of every pack signature. */
export const ED25519 = { name: 'Ed25519' } as const;
/** Length of a raw Ed25519 public key, in bytes. */
export const PUBLIC_KEY_BYTES = 32;
/** Length of an Ed25519 signature, in bytes. */
export const SIGNATURE_BYTES = 64;

/** A key that cannot be used, with a message a reader can act on. */
export class PackKeyError extends Error {
  override name = 'PackKeyError';
}

/** Standard base64 of some bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Bytes of standard base64 text, or undefined when it is not base64. Whitespace is ignored (a key
 * pasted from an e-mail may be wrapped); base64url letters are accepted as well.
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  const padded = clean.padEnd(Math.ceil(clean.length / 4) * 4, '=');
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** The raw bytes of a base64 public key; throws PackKeyError when it is not one. */
export function publicKeyBytes(publicKey: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64(publicKey);
  if (!bytes || bytes.length !== PUBLIC_KEY_BYTES)
    throw new PackKeyError(
      `The key is not an Ed25519 public key: expected the base64 of ${PUBLIC_KEY_BYTES} bytes` +
        (bytes ? `, got ${bytes.length} bytes.` : ', got text that is not base64.'),
    );
  return bytes;
}

/** A verifying CryptoKey from a base64 raw public key; throws PackKeyError when it is not one. */
export async function importPublicKey(publicKey: string): Promise<CryptoKey> {
  const bytes = publicKeyBytes(publicKey);
  try {
    return await crypto.subtle.importKey('raw', bytes, ED25519, true, ['verify']);
  } catch (error) {
    throw new PackKeyError(`The public key cannot be used: ${(error as Error).message}`);
  }
}

/**
 * A signing CryptoKey from base64 PKCS #8, with its public key (base64 raw). WebCrypto has no call
 * that derives a public key, but the private key's JWK carries it as "x".
 */
export async function importPrivateKey(pkcs8: string): Promise<{ privateKey: CryptoKey; publicKey: string }> {
  const bytes = fromBase64(pkcs8);
  if (!bytes) throw new PackKeyError('The private key is not base64 text (PKCS #8, as --gen-key writes it).');
  let extractable: CryptoKey;
  try {
    extractable = await crypto.subtle.importKey('pkcs8', bytes, ED25519, true, ['sign']);
  } catch (error) {
    throw new PackKeyError(`The private key is not an Ed25519 PKCS #8 key: ${(error as Error).message}`);
  }
  const jwk = await crypto.subtle.exportKey('jwk', extractable);
  const x = jwk.x === undefined ? undefined : fromBase64(jwk.x);
  if (!x || x.length !== PUBLIC_KEY_BYTES)
    throw new PackKeyError('The private key does not carry its public key.');
  // Signing goes through a non-extractable copy, so the key object handed out cannot leak the secret.
  const privateKey = await crypto.subtle.importKey('pkcs8', bytes, ED25519, false, ['sign']);
  return { privateKey, publicKey: toBase64(x) };
}

/** A new key pair for a publisher: private key as base64 PKCS #8, public key as base64 raw bytes. */
export async function generateKeyPair(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: toBase64(pkcs8), publicKey: toBase64(raw) };
}

/**
 * A short fingerprint of a public key for people to compare: the first 16 bytes of its SHA-256 in
 * hex, in groups of four ("3f2a-91bc-…"). Throws PackKeyError when the key is not one.
 */
export async function keyFingerprint(publicKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKeyBytes(publicKey)));
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)!.join('-');
}
