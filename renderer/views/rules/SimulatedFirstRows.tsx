/**
 * The first rows of one simulated object, decoded in the renderer by core: text lines for
 * JSON/CSV, a table for Parquet.
 */
import { useEffect, useState } from 'react';
import type { SimulatedObject } from '../../../main/api/contract';
import { byteSourceFromBytes } from '../../../core/bytes';
import { snappyDecode } from '../../../core/codecs';
import type { Cell, ShippingRule } from '../../../core/model';
import { base64Bytes } from './simulateInput';

type Preview = { columns: string[]; rows: Cell[][] } | { lines: string[] } | string;

/** First rows of a simulated object: text lines for JSON/CSV, a table for Parquet. */
async function previewRead(object: SimulatedObject, rule: ShippingRule): Promise<Preview> {
  const bytes = base64Bytes(object.base64);
  if (rule.format === 'parquet') {
    // Loaded on demand: the Parquet reader brings WASM codecs the rest of the UI never needs.
    const { tableOpen } = await import('../../../core/formats');
    const opened = await tableOpen(byteSourceFromBytes(bytes, object.key), { format: 'parquet', compression: rule.compression });
    return { columns: opened.reader.columns.map((c) => c.name), rows: await opened.reader.readRows(0, 5) };
  }
  const text = rule.compression === 'snappy' ? (await snappyDecode(bytes, { variant: 'raw', source: object.key })).output : bytes;
  return {
    lines: new TextDecoder()
      .decode(text.subarray(0, 64 * 1024))
      .split('\n')
      .slice(0, 5),
  };
}

function PreviewTable({ columns, rows }: { columns: string[]; rows: Cell[][] }) {
  return (
    <table className="plain mono">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>
                {cell === null ? (
                  <span className="null" style={{ color: 'var(--null)', fontStyle: 'italic' }}>
                    null
                  </span>
                ) : (
                  String(cell)
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The object's first rows, read once per object and rule. */
export function SimulatedFirstRows({ object, rule }: { object: SimulatedObject; rule: ShippingRule }) {
  const [rows, setRows] = useState<Preview | null>(null);
  useEffect(() => {
    let live = true;
    previewRead(object, rule)
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setRows(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [object, rule]);
  if (rows === null) return null;
  if (typeof rows === 'string') return <div className="danger small">{rows}</div>;
  if ('lines' in rows) return <pre className="code">{rows.lines.join('\n')}</pre>;
  return <PreviewTable columns={rows.columns} rows={rows.rows} />;
}
