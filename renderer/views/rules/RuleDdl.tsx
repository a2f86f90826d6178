/**
 * DDL for the rule's data (Hive / Spark / MaxCompute), the hand-off to a distributed engine.
 */
import { useMemo, useState } from 'react';
import { ddlGenerate } from '../../../core/shipping';
import type { DdlEngine } from '../../../core/shipping';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { CopyButton } from '../../components/CopyButton';
import { LabelledInput } from '../../components/LabelledInput';
import { LabelledSelect } from '../../components/LabelledSelect';
import type { SelectOption } from '../../components/LabelledSelect';

const engineOptions: SelectOption<DdlEngine>[] = [
  { value: 'hive', label: 'Hive' },
  { value: 'spark', label: 'Spark' },
  { value: 'maxcompute', label: 'MaxCompute' },
];

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
        <LabelledSelect label={t('rules.ddlEngine')} value={engine} options={engineOptions} onChange={setEngine} />
        <LabelledInput
          label={t('rules.ddlTable')}
          className="mono"
          value={table}
          onValue={setTable}
          placeholder={rule.name.replace(/\W/g, '_')}
        />
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
