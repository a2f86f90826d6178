/**
 * The one bound store: every slice spread together (zustand slices pattern, STYLE.md §5).
 */
import { create } from 'zustand';
import { createBrowseSlice } from './browseSlice';
import { createConnectionSlice } from './connectionSlice';
import { createDecompressSlice } from './decompressSlice';
import { createFileTableSlice } from './fileTableSlice';
import { createMaxComputeSlice } from './maxcomputeSlice';
import { createQuerySlice } from './querySlice';
import { createForwardSlice } from './forwardSlice';
import { createRuleEditorSlice } from './ruleEditorSlice';
import { createSettingsSlice } from './settingsSlice';
import { createTableSlice } from './tableSlice';
import { createTasksSlice } from './tasksSlice';
import type { ShiplensState } from './types';

export type { ShiplensState } from './types';

/** The application store; components select one field or use `useShallow`. */
export const useStore = create<ShiplensState>()((...a) => ({
  ...createSettingsSlice(...a),
  ...createConnectionSlice(...a),
  ...createBrowseSlice(...a),
  ...createTableSlice(...a),
  ...createDecompressSlice(...a),
  ...createRuleEditorSlice(...a),
  ...createTasksSlice(...a),
  ...createMaxComputeSlice(...a),
  ...createFileTableSlice(...a),
  ...createQuerySlice(...a),
  ...createForwardSlice(...a),
}));
