// The hub's processes and their default HTTP ports (each overridable by its *_PORT variable).
export const APPS = [
  { name: 'gateway', portKey: 'GATEWAY_PORT', port: 3000 },
  { name: 'tracker', portKey: 'TRACKER_PORT', port: 3001 },
  { name: 'delivery', portKey: 'DELIVERY_PORT', port: 3002 },
  { name: 'monitor', portKey: 'MONITOR_PORT', port: 3003 },
  { name: 'partner-sandbox', portKey: 'PARTNER_SANDBOX_PORT', port: 3004 },
  { name: 'cpmt-connector', portKey: 'CPMT_CONNECTOR_PORT', port: 3010 },
  { name: 'actiris-connector', portKey: 'ACTIRIS_CONNECTOR_PORT', port: 3011 },
  { name: 'regional-connector', portKey: 'REGIONAL_CONNECTOR_PORT', port: 3012 },
  { name: 'inami-evaluation', portKey: 'INAMI_EVALUATION_PORT', port: 3013 },
];

export function appPort(app, env = process.env) {
  return Number(env[app.portKey] ?? app.port);
}
