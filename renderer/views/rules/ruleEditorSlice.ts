/**
 * The shipping-rule editor: the rule being edited, its tab, preview instants and simulation.
 */
import type { StateCreator } from 'zustand';
import type { SimulatedObject } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import { shippingRuleDefault } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { apiCall } from '../../api/client';
import { timeZoneDefault } from '../../state/settingsSlice';

export type RuleTab = 'fields' | 'preview' | 'simulate' | 'json' | 'ddl' | 'maxcompute';

export interface RuleEditorSlice {
  rule: ShippingRule;
  ruleTab: RuleTab;
  /** Instants to preview, as `YYYY-MM-DDTHH:MM:SS` read in the rule's time zone. */
  previewInstants: string[];
  previewZones: string[];
  simulated: SimulatedObject[];
  simulatePending: boolean;
  simulateError: ErrorInfo | null;
  rulePatch(patch: Partial<ShippingRule>): void;
  ruleReplace(rule: ShippingRule): void;
  ruleTabSet(tab: RuleTab): void;
  previewInstantsSet(instants: string[]): void;
  previewZonesSet(zones: string[]): void;
  ruleSimulate(logs: Record<string, unknown>[], taskTimeNs: string, taskNumber: number): Promise<void>;
}

/** The rule-editor slice. */
export const createRuleEditorSlice: StateCreator<RuleEditorSlice, [], [], RuleEditorSlice> = (set, get) => ({
  rule: shippingRuleDefault(),
  ruleTab: 'fields',
  previewInstants: ['1484913043351525351', '2017-01-20 19:50:43'],
  previewZones: [timeZoneDefault, 'UTC'],
  simulated: [],
  simulatePending: false,
  simulateError: null,
  rulePatch: (patch) => set((state) => ({ rule: { ...state.rule, ...patch } })),
  ruleReplace: (rule) => set({ rule, simulated: [], simulateError: null }),
  ruleTabSet: (tab) => set({ ruleTab: tab }),
  previewInstantsSet: (instants) => set({ previewInstants: instants }),
  previewZonesSet: (zones) => set({ previewZones: zones }),
  ruleSimulate: async (logs, taskTimeNs, taskNumber) => {
    set({ simulatePending: true, simulateError: null });
    const rule = get().rule as unknown as Record<string, unknown>;
    const response = await apiCall('rules.simulate', { rule, logs, taskTimeNs, taskNumber });
    if (response.ok) set({ simulatePending: false, simulated: response.value.objects });
    else set({ simulatePending: false, simulated: [], simulateError: response.error });
  },
});
