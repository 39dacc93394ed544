// Public API of @rtw/contract-types: the TypeScript types generated from schemas/canonical, and the
// two lists of event types and contract ids. Generated code only; it imports nothing, so that both
// @rtw/contracts (validation) and @rtw/domain (the state machine) can build on it without a cycle
// (ADR 0045).
export * from './generated';
