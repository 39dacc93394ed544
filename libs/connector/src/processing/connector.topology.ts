import { INSURERS } from '@rtw/domain';
import { buildTopology, type Topology } from '@rtw/messaging';

/**
 * The topics a connector writes to beyond the fixed ones: the notification topic of every insurer
 * that runs trajectories (withheld notices go there). Created before the consumer starts, so the
 * relay never meets a missing topic.
 */
export function connectorTopology(partitions: number): Topology {
  const insurerCodes = INSURERS.filter((insurer) => insurer.sendsTrajectoryData).map(
    (insurer) => insurer.code,
  );
  return buildTopology({ partitions, insurerCodes });
}
