/**
 * The combined store shape; each slice is a StateCreator over it (zustand slices pattern).
 */
import type { ConnectionSlice } from './connectionSlice';
import type { BrowseSlice } from './browseSlice';
import type { TableSlice } from './tableSlice';
import type { DecompressSlice } from './decompressSlice';
import type { RuleEditorSlice } from './ruleEditorSlice';
import type { SettingsSlice } from './settingsSlice';
import type { TasksSlice } from './tasksSlice';
import type { MaxComputeSlice } from './maxcomputeSlice';
import type { FileTableSlice } from './fileTableSlice';
import type { QuerySlice } from './querySlice';
import type { ForwardSlice } from './forwardSlice';

/** Everything the UI holds: ids, page tokens, flags and small pages, never whole objects. */
export type ShiplensState = ConnectionSlice &
  BrowseSlice &
  TableSlice &
  DecompressSlice &
  RuleEditorSlice &
  SettingsSlice &
  TasksSlice &
  MaxComputeSlice &
  FileTableSlice &
  QuerySlice &
  ForwardSlice;
