import { describe, expect, it } from 'vitest';
import { jsonInString, rowTree } from '../../../../renderer/util/jsonTree';

describe('rowTree', () => {
  it('groups __tag__: fields, opens JSON inside strings, keeps null and ""', () => {
    const tree = rowTree(
      ['__time__', '__tag__:__hostname__', '__tag__:__pack_id__', 'body', 'empty', 'none'],
      ['1484913043', 'web-1', 'A-0', '{"user":{"id":7,"roles":["a","b"]},"ok":true}', '', null],
    );
    expect(tree).toEqual([
      { name: '__time__', value: '1484913043', parsed: false },
      {
        name: '__tag__',
        children: [
          { name: '__hostname__', value: 'web-1', parsed: false },
          { name: '__pack_id__', value: 'A-0', parsed: false },
        ],
      },
      {
        name: 'body',
        parsed: true,
        children: [
          {
            name: 'user',
            parsed: false,
            children: [
              { name: 'id', value: 7, parsed: false },
              {
                name: 'roles',
                parsed: false,
                children: [
                  { name: '0', value: 'a', parsed: false },
                  { name: '1', value: 'b', parsed: false },
                ],
              },
            ],
          },
          { name: 'ok', value: true, parsed: false },
        ],
      },
      { name: 'empty', value: '', parsed: false },
      { name: 'none', value: null, parsed: false },
    ]);
  });

  it('leaves text that is not a JSON object or list as text', () => {
    expect(jsonInString('{broken')).toBeUndefined();
    expect(jsonInString('"quoted"')).toBeUndefined();
    expect(jsonInString(' [1, 2] ')).toEqual([1, 2]);
  });
});
