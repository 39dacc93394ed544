export { HubError, isRetriable, errorCode } from './errors/hub-error';
