/**
 * DDL for the rule's data (Hive / Spark / MaxCompute), the hand-off to a distributed engine.
 */
import { useMemo, useState } from 'react';
import { ddlGenerate } from '../../../core/shipping';
import type { DdlEngine } from '../../../core/shipping';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { CopyButton } from '../../components/CopyButton';

/** The DDL tab. */
export function RuleDdl() {
  const t = useT();
  const rule = useStore((s) => s.rule);
  const [engine, setEngine] = useState<DdlEngine>('hive');
  const [table, setTable] = useState('');
  const result = useMemo(() => {
    try {
      return ddlGenerate(rule, engine, table.trim() ? { table: table.trim() } : {});
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, [rule, engine, table]);
  return (
    <div className="stack">
      <div className="row">
        <label className="field">
          {t('rules.ddlEngine')}
          <select aria-label={t('rules.ddlEngine')} value={engine} onChange={(e) => setEngine(e.target.value as DdlEngine)}>
            <option value="hive">Hive</option>
            <option value="spark">Spark</option>
            <option value="maxcompute">MaxCompute</option>
          </select>
        </label>
        <label className="field">
          {t('rules.ddlTable')}
          <input
            className="mono"
            aria-label={t('rules.ddlTable')}
            value={table}
            onChange={(e) => setTable(e.target.value)}
            placeholder={rule.name.replace(/\W/g, '_')}
          />
        </label>
        <span className="spacer" />
        {typeof result !== 'string' && <CopyButton text={result.sql} />}
      </div>
      {typeof result === 'string' ? (
        <p className="danger small">{result}</p>
      ) : (
        <>
          {result.warnings.map((w) => (
            <div key={w} className="warn small">
              ▲ {w}
            </div>
          ))}
          <pre className="code" data-testid="ddl-sql">
            {result.sql}
          </pre>
        </>
      )}
    </div>
  );
}
