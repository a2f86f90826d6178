/** One object a simulated task wrote: its key, size and rows, a download (via Blob), and its first rows. */
import type { SimulatedObject } from '../../../main/api/contract';
import type { ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import { bytesFormat } from '../../util/format';
import { keyBaseName } from '../../util/keyInfo';
import { SimulatedFirstRows } from './SimulatedFirstRows';
import { base64Bytes } from './simulateInput';

/** Save the object under its key's base name (the renderer has no file access: a Blob link). */
function download(object: SimulatedObject) {
  const blob = new Blob([base64Bytes(object.base64) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = keyBaseName(object.key);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The object's panel. */
export function SimulatedObjectPanel({ object, rule }: { object: SimulatedObject; rule: ShippingRule }) {
  const t = useT();
  return (
    <div className="panel stack">
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
      <SimulatedFirstRows object={object} rule={rule} />
    </div>
  );
}
