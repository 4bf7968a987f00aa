import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";

/** Why an input file could not be read: a Node error code, or NOTFILE (a device, pipe or socket) / TOOLARGE. */
export class InputReadError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "InputReadError";
  }
}

/** `-` reads standard input. */
export const STDIN = "-";

/**
 * An input file's bytes, at most `limit` of them. The size is what was read, not what stat() says (0 for
 * /dev/zero or a pipe, which would never end); only a regular file or stdin is read at all.
 */
export async function readBoundedInput(file: string, limit: number, stdin: AsyncIterable<Uint8Array> = process.stdin): Promise<Uint8Array> {
  if (file === STDIN) return collect(stdin, limit);
  const s = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new InputReadError(e.code ?? "UNKNOWN");
  });
  if (s.isDirectory()) throw new InputReadError("EISDIR");
  if (!s.isFile()) throw new InputReadError("NOTFILE");
  // O_NONBLOCK: should the path turn into a FIFO between stat and open, opening it does not wait for a writer.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((e: NodeJS.ErrnoException) => {
    throw new InputReadError(e.code ?? "UNKNOWN");
  });
  try {
    if (!(await handle.stat()).isFile()) throw new InputReadError("NOTFILE");
    const buf = Buffer.alloc(limit + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n > limit) throw new InputReadError("TOOLARGE");
    }
    return buf.subarray(0, n);
  } finally {
    await handle.close();
  }
}

async function collect(stream: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let n = 0;
  for await (const chunk of stream) {
    n += chunk.length;
    if (n > limit) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new InputReadError("TOOLARGE");
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
