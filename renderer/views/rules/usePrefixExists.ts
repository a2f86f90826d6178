/**
 * Whether a rule's OSS prefix exists in the connected bucket (SPEC §1: it must be an existing
 * directory of the bucket when the rule is created). Asked once per prefix, after typing stops.
 */
import { useEffect, useState } from 'react';
import { apiCall } from '../../api/client';

const settleMs = 400;

/** false when the connected bucket is the rule's and has nothing under the prefix; null when unknown. */
export function usePrefixExists(connectedBucket: string | undefined, ruleBucket: string, prefix: string): boolean | null {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  const applies = Boolean(connectedBucket) && connectedBucket === ruleBucket && trimmed !== '';
  const [answer, setAnswer] = useState<{ prefix: string; exists: boolean } | null>(null);
  useEffect(() => {
    if (!applies) return;
    let stale = false;
    const timer = setTimeout(() => {
      void apiCall('browse.list', { prefix: `${trimmed}/`, delimiter: '/', maxKeys: 1 }).then((response) => {
        if (stale || !response.ok) return;
        setAnswer({ prefix: trimmed, exists: response.value.objects.length > 0 || response.value.prefixes.length > 0 });
      });
    }, settleMs);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [applies, trimmed]);
  return applies && answer?.prefix === trimmed ? answer.exists : null;
}
