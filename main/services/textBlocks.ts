/**
 * The one text buffer: small text chunks (CSV rows, JSON lines) gathered into blocks of about
 * `blockChars` before they are handed on, so a file or stdout sees few large writes. Used by
 * the output writer's sink and by the CLI's stdout export.
 */

/** A writer of text that buffers; `flush` hands on what is pending. */
export interface TextBlocks {
  write(text: string): Promise<void>;
  flush(): Promise<void>;
}

/** Buffer text for `emit`, handing it on whenever about `blockChars` characters are pending. */
export function textBlocks(emit: (text: string) => Promise<void>, blockChars: number): TextBlocks {
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingChars = 0;
    await emit(text);
  };
  return {
    flush,
    async write(text) {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= blockChars) await flush();
    },
  };
}
