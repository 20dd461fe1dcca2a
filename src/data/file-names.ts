/** Which files of a data directory are what: the manifest, and the definitions beside it. */

export const MANIFEST_FILE = 'manifest.json';

/**
 * The name a definition file must have: lower case, so that a data set reads the same on a
 * case-insensitive file system, and nothing that needs quoting in a shell or a URL.
 */
export const DEFINITION_FILE_NAME = /^[a-z0-9][a-z0-9.-]*\.json$/u;
export const DEFINITION_FILE_NAME_RULE = 'a definition file name has only lower-case letters, digits, dots and dashes, and ends in .json: rename the file';

/**
 * Whether a file of a data directory is meant as a definition: every JSON file but the manifest.
 * A badly named one is still one (refused for its name, never silently left out of the data).
 */
export function isDefinitionFile(name: string): boolean {
  return name.endsWith('.json') && name !== MANIFEST_FILE;
}
