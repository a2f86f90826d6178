/** Flags of `shiplens query` (the interface is fixed: scripts rely on it). */
export interface QueryFlags {
  from: string;
  to: string;
  rule?: string;
  partitionFormat?: string;
  storage?: 'json' | 'csv' | 'parquet';
  compression?: 'snappy' | 'none';
  timeZone?: string;
  sql?: string;
  json?: boolean;
  output?: string;
  maxObjects?: number;
  dryRun?: boolean;
  onError: 'stop' | 'skip';
  emit?: 'maxcompute' | 'spark' | 'trino' | 'duckdb';
}
