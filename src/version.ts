import { name, version } from '../package.json';

/** The package's own name and version, written into every TEI header's appInfo. */
export const TEIKIT_NAME: string = name;
export const TEIKIT_VERSION: string = version;
