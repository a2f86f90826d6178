import { describe, expect, it } from 'vitest';
import { ossExportNormalise, shipperTaskNormalise } from '../../../../main/sls/slsClient';

describe('wire normalisation', () => {
  it('turns a wire task into epoch-ms fields', () => {
    expect(
      shipperTaskNormalise({
        id: 'abc',
        taskStatus: 'fail',
        taskMessage: 'InvalidOssBucket',
        taskCreateTime: 1448925013,
        taskLastDataReceiveTime: '1448915013',
        taskFinishTime: 1448926013,
        taskDataLines: 2,
      }),
    ).toEqual({
      id: 'abc',
      status: 'fail',
      message: 'InvalidOssBucket',
      createTime: 1448925013000,
      lastDataReceiveTime: 1448915013000,
      finishTime: 1448926013000,
      dataLines: 2,
      type: '',
    });
  });
  it("keeps a wire task's own type (taskType, else type)", () => {
    expect(shipperTaskNormalise({ id: 'a', taskStatus: 'success', taskType: 'odps', type: 'oss' }).type).toBe('odps');
    expect(shipperTaskNormalise({ id: 'b', taskStatus: 'success', type: 'oss' }).type).toBe('oss');
  });
  it('fills gaps with zeros and reads "failed" as fail', () => {
    expect(shipperTaskNormalise({ id: 'x', taskStatus: 'Failed' })).toEqual({
      id: 'x',
      status: 'fail',
      message: '',
      createTime: 0,
      lastDataReceiveTime: 0,
      finishTime: 0,
      dataLines: 0,
      type: '',
    });
    expect(shipperTaskNormalise(null).id).toBe('');
  });
  it('keeps an export job sink and converts its times', () => {
    const job = ossExportNormalise({
      name: 'e',
      status: 'RUNNING',
      createTime: 10,
      configuration: { logstore: 'l', sink: { bucket: 'b', timeZone: '+0800' } },
    });
    expect(job).toMatchObject({
      name: 'e',
      status: 'RUNNING',
      createTime: 10_000,
      configuration: { logstore: 'l', roleArn: '', sink: { bucket: 'b', timeZone: '+0800' } },
    });
  });
});
