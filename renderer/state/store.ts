/**
 * The one bound store: every slice spread together (zustand slices pattern, STYLE.md §5).
 * Each slice declares its own state and the few other slices it calls; this module alone
 * composes them, so no slice imports the whole shape (and no import cycle runs through it).
 */
import { create } from 'zustand';
import { createBrowseSlice } from '../views/browse/browseSlice';
import type { BrowseSlice } from '../views/browse/browseSlice';
import { createConnectionSlice } from '../views/connect/connectionSlice';
import type { ConnectionSlice } from '../views/connect/connectionSlice';
import { createDecompressSlice } from '../views/decompress/decompressSlice';
import type { DecompressSlice } from '../views/decompress/decompressSlice';
import { createForwardSlice } from '../views/forward/forwardSlice';
import type { ForwardSlice } from '../views/forward/forwardSlice';
import { createFileTableSlice } from '../views/inspect/fileTableSlice';
import { createGridViewSlice } from '../views/inspect/gridViewSlice';
import type { GridViewSlice } from '../views/inspect/gridViewSlice';
import { createTableSlice } from '../views/inspect/tableSlice';
import type { FileTableSlice, TableSlice } from '../views/inspect/tableState';
import { createQuerySlice } from '../views/query/querySlice';
import type { QuerySlice } from '../views/query/querySlice';
import { createMaxComputeSlice } from '../views/rules/maxcomputeSlice';
import type { MaxComputeSlice } from '../views/rules/maxcomputeSlice';
import { createRuleEditorSlice } from '../views/rules/ruleEditorSlice';
import type { RuleEditorSlice } from '../views/rules/ruleEditorSlice';
import { createTasksSlice } from '../views/tasks/tasksSlice';
import type { TasksSlice } from '../views/tasks/tasksSlice';
import { createNavSlice } from './navSlice';
import type { NavSlice } from './navSlice';
import { createSettingsSlice } from './settingsSlice';
import type { SettingsSlice } from './settingsSlice';

/** Everything the UI holds: ids, page tokens, flags and small pages, never whole objects. */
export type ShiplensState = NavSlice &
  SettingsSlice &
  ConnectionSlice &
  BrowseSlice &
  TableSlice &
  FileTableSlice &
  GridViewSlice &
  DecompressSlice &
  RuleEditorSlice &
  TasksSlice &
  MaxComputeSlice &
  QuerySlice &
  ForwardSlice;

/** The application store; components select one field or use `useShallow`. */
export const useStore = create<ShiplensState>()((...a) => ({
  ...createNavSlice(...a),
  ...createSettingsSlice(...a),
  ...createConnectionSlice(...a),
  ...createBrowseSlice(...a),
  ...createTableSlice(...a),
  ...createDecompressSlice(...a),
  ...createRuleEditorSlice(...a),
  ...createTasksSlice(...a),
  ...createMaxComputeSlice(...a),
  ...createFileTableSlice(...a),
  ...createGridViewSlice(...a),
  ...createQuerySlice(...a),
  ...createForwardSlice(...a),
}));
