/**
 * Built-in reference data: US states, DC and territories, and ICE ERO Areas of Responsibility.
 *
 * @packageDocumentation
 */
export * from './states';
export * from './aors';
