/**
 * DDL for the rule's data (Hive / Spark / MaxCompute) — waits for core's ddlGenerate.
 */
import { useT } from '../i18n';

/** The DDL tab. */
export function RuleDdl() {
  const t = useT();
  return <p className="muted">{t('rules.unavailable')}</p>;
}
