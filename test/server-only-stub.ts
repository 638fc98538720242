// Vitest runs server modules directly; 'server-only' only guards client bundles.
export {};
