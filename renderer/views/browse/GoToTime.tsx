/**
 * Jump to the partition of a chosen time: the folder the rule's partition format gives for
 * that task time (issue 18 feature 4), e.g. `nginx-access-json/2026/11/23/08/`.
 */
import { useState } from 'react';
import { partitionFormatRender } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { rulePrefixFolder } from '../tasks/tasksState';
import { instantParse } from '../../util/format';

/** The folder holding objects of task time `ms` under `rule` (the partition up to its last `/`). */
export function partitionFolderAt(rule: ShippingRule, ms: number): string {
  const partition = partitionFormatRender(rule.partitionFormat, ms, rule.timeZone);
  return rulePrefixFolder(rule.prefix) + partition.slice(0, partition.lastIndexOf('/') + 1);
}

/** A time field and a Go button. */
export function GoToTime({ rule, zone }: { rule: ShippingRule; zone: string }) {
  const t = useT();
  const browseOpen = useStore((st) => st.browseOpen);
  const [text, setText] = useState('');
  const ms = instantParse(text, zone);
  return (
    <form
      className="row small"
      onSubmit={(e) => {
        e.preventDefault();
        if (ms !== null) void browseOpen(partitionFolderAt(rule, ms));
      }}
    >
      <label className="field" style={{ flex: 1 }}>
        {t('browse.goToTime')} ({zone})
        <input
          className="mono"
          aria-label={t('browse.goToTime')}
          placeholder="YYYY-MM-DD HH:MM"
          value={text}
          aria-invalid={text !== '' && ms === null}
          onChange={(e) => setText(e.target.value)}
          data-testid="go-to-time"
        />
      </label>
      <button type="submit" disabled={ms === null} data-testid="go-to-time-submit">
        {t('browse.goToPartition')}
      </button>
    </form>
  );
}
