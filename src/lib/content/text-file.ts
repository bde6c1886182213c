import { readFileSync } from "node:fs";

/** A file that is not UTF-8, with the line of its first bad byte. */
export class EncodingError extends Error {
  constructor(readonly line: number) {
    super(`line ${line} holds bytes that are not UTF-8`);
  }
}

/** The fix every encoding problem gets. */
export const ENCODING_FIX = "save the file as UTF-8 (in most editors: Save with Encoding › UTF-8) and retype the character";

const decodes = (bytes: Uint8Array) => {
  try {
    // `stream` lets a prefix end inside a character; only bytes that can never be UTF-8 fail.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
};

/**
 * Decodes UTF-8, refusing anything else. Replacing bad bytes with U+FFFD, as
 * a lenient decoder does, would make two different files compare equal in the
 * verbatim checks and publish the replacement character. A leading byte-order
 * mark is dropped: it is an encoding signature, not text.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // The shortest prefix that fails ends at the first bad byte.
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (decodes(bytes.subarray(0, middle + 1))) low = middle + 1;
      else high = middle;
    }
    const at = decodes(bytes) ? bytes.length : low;
    let line = 1;
    for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
    throw new EncodingError(line);
  }
}

/** Reads a text file as strict UTF-8; see `decodeUtf8`. */
export function readUtf8(path: string): string {
  return decodeUtf8(readFileSync(path));
}
