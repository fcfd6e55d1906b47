export function subpathFolders(): Record<string, string>;
export function subpathAliases(): { find: RegExp; replacement: string }[];
