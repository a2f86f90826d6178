// The slice of parquetjs-lite 0.8.7 that main/shipping/parquetWriter.ts uses (the package ships no types).
declare module 'parquetjs-lite' {
  namespace parquetjs {
    interface FieldOptions {
      type: string;
      optional?: boolean;
      compression?: 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP';
      statistics?: boolean;
    }
    interface WriterOptions {
      useDataPageV2?: boolean;
      rowGroupSize?: number;
      pageSize?: number;
    }
    class ParquetSchema {
      constructor(fields: Record<string, FieldOptions>);
    }
    class ParquetEnvelopeWriter {
      constructor(
        schema: ParquetSchema,
        writeFn: (buffer: Uint8Array) => void,
        closeFn: () => void,
        fileOffset: number,
        options: WriterOptions,
      );
    }
    class ParquetWriter {
      constructor(schema: ParquetSchema, envelopeWriter: ParquetEnvelopeWriter, options: WriterOptions);
      appendRow(row: Record<string, unknown>): Promise<void>;
      setMetadata(key: string, value: string): void;
      close(): Promise<void>;
    }
  }
  export = parquetjs;
}

declare module 'parquetjs-lite/lib/types.js' {
  const types: { PARQUET_LOGICAL_TYPES: Record<string, { primitiveType: string; toPrimitive: (value: unknown) => unknown }> };
  export = types;
}
