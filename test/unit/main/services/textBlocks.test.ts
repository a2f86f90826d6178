import { describe, expect, it } from 'vitest';
import { textBlocks } from '../../../../main/services/textBlocks';

describe('textBlocks', () => {
  it('hands text on in blocks of about blockChars, in order, and the rest on flush', async () => {
    const blocks: string[] = [];
    const out = textBlocks(async (text) => void blocks.push(text), 5);
    for (const chunk of ['ab', 'cd', 'ef', 'g', 'hi']) await out.write(chunk);
    expect(blocks).toEqual(['abcdef']);
    await out.flush();
    expect(blocks).toEqual(['abcdef', 'ghi']);
    await out.flush();
    expect(blocks).toEqual(['abcdef', 'ghi']);
  });
});
