/**
 * Simulated task output: the objects one shipping task would write for sample logs
 * (keys, sizes, first rows decoded in the renderer by core, download via Blob).
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SimulatedObject } from '../../../main/api/contract';
import { byteSourceFromBytes } from '../../../core/bytes';
import { snappyDecode } from '../../../core/codecs';
import type { Cell, ShippingRule } from '../../../core/model';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { bytesFormat } from '../../util/format';
import { keyBaseName } from '../../util/keyInfo';

function base64Bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Sample logs for a rule: reserved fields plus the rule's columns. */
export function sampleLogsFor(rule: ShippingRule): string {
  const names =
    rule.format === 'csv'
      ? (rule.csv?.columns ?? [])
      : rule.format === 'parquet'
        ? (rule.parquet?.columns ?? []).map((c) => c.name)
        : ['method', 'status', 'path'];
  const base = 1484913000;
  return [0, 1, 2]
    .map((i) => {
      const log: Record<string, string | number> = { __time__: base + i * 7, __topic__: 'nginx', __source__: `10.0.0.${i + 1}` };
      for (const name of names) if (!(name in log)) log[name] = name === 'status' ? String(200 + i * 100) : `${name}-${i}`;
      return JSON.stringify(log);
    })
    .join('\n');
}

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

function FirstRows({ object, rule }: { object: SimulatedObject; rule: ShippingRule }) {
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
  return (
    <table className="plain mono">
      <thead>
        <tr>
          {rows.columns.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.rows.map((row, i) => (
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

/** The simulate tab. */
export function RuleSimulate() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      rule: st.rule,
      simulated: st.simulated,
      pending: st.simulatePending,
      error: st.simulateError,
      run: st.ruleSimulate,
    })),
  );
  const [logs, setLogs] = useState(() => sampleLogsFor(s.rule));
  const [taskTimeNs, setTaskTimeNs] = useState('1484913043351525351');
  const [parseError, setParseError] = useState<string | null>(null);
  function run() {
    try {
      const parsed = logs
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      setParseError(null);
      void s.run(parsed, taskTimeNs.trim(), 2850008);
    } catch (error) {
      setParseError(error instanceof Error ? error.message : String(error));
    }
  }
  function download(object: SimulatedObject) {
    const blob = new Blob([base64Bytes(object.base64) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = keyBaseName(object.key);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <div className="stack">
      <label className="field">
        {t('rules.simulateLogs')}
        <textarea rows={5} aria-label={t('rules.simulateLogs')} value={logs} onChange={(e) => setLogs(e.target.value)} />
      </label>
      <div className="row">
        <label className="field">
          {t('browse.col.taskTime')} (ns)
          <input
            className="mono"
            aria-label={`${t('browse.col.taskTime')} (ns)`}
            value={taskTimeNs}
            onChange={(e) => setTaskTimeNs(e.target.value)}
          />
        </label>
        <button type="button" className="primary" onClick={run} disabled={s.pending} style={{ alignSelf: 'flex-end' }}>
          {t('rules.simulateRun')}
        </button>
        <button type="button" onClick={() => setLogs(sampleLogsFor(s.rule))} style={{ alignSelf: 'flex-end' }}>
          ↺
        </button>
      </div>
      {parseError && <div className="danger small">{parseError}</div>}
      {s.error && <ErrorBox error={s.error} />}
      {s.simulated.map((object) => (
        <div key={object.key} className="panel stack">
          <div className="row">
            <span className="mono small" style={{ wordBreak: 'break-all', flex: 1 }}>
              {object.key}
            </span>
            <span className="muted small">
              {bytesFormat(object.size)} · {t('rules.simulateRows', { n: object.rows })}
            </span>
            <button type="button" onClick={() => download(object)}>
              {t('common.download')}
            </button>
          </div>
          <FirstRows object={object} rule={s.rule} />
        </div>
      ))}
    </div>
  );
}
