/** A job's progress event as every slice that runs a job keeps it. */
import type { ApiEvents } from '../../main/api/contract';

export type Progress = ApiEvents['onJobProgress'];
