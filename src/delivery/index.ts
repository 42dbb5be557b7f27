// The delivery of journaled interactions to Caliq.
export { type BackoffPolicy, backoffDelay } from './backoff.js';
export {
  type Accepted,
  createDeliveryService,
  type DeliveryNotices,
  type DeliveryObserver,
  type DeliveryOutcome,
  type DeliveryService,
  type DeliveryServiceOptions,
  type SubmitResult,
} from './delivery-service.js';
