/** The host registry that ships in data/ (the one place lib/sources reads a data file). */
import hosts from '../../data/hosts.json';
import { HostRegistry } from './registry';

let registry: HostRegistry | undefined;

/** The bundled host registry, parsed once. */
export function bundledRegistry(): HostRegistry {
  return (registry ??= HostRegistry.parse(hosts));
}
