/** Keeps the last path segment, drops control characters, caps the length: a display name, never a path. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...cleaned].slice(0, 200).join('') || 'file';
}
