// The delivery of journaled interactions to Caliq.
export { observeDeliveryAttempts } from './caliq-capacity.js';
export {
  type Accepted,
  createDeliveryService,
  type DeliveryService,
  type DeliveryServiceOptions,
  type SubmitResult,
} from './delivery-service.js';
export { OutcomeNotRecordedError } from './keep-until-recorded.js';
export type { DeliveryNotices, DeliveryObserver, DeliveryOutcome } from './types.js';
