/**
 * The engine's API as plain JSON-shaped records: what the REST API sends and receives, and what the embedded
 * engine returns. The designer reads the same records from HTTP. No I/O and no annotations here.
 */
package dev.baton.model.api;
