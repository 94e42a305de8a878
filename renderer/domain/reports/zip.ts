import JSZip from 'jszip';

// A .zip of several files, so a set of exports is one save instead of one dialog per file.

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export async function zipFiles(entries: ZipEntry[]): Promise<Uint8Array<ArrayBuffer>> {
  const names = new Set<string>();
  const zip = new JSZip();
  for (const entry of entries) {
    // Two entries of one name would leave only the last one in the archive.
    if (names.has(entry.name)) throw new Error(`Two files named ${entry.name} cannot go in one zip.`);
    names.add(entry.name);
    zip.file(entry.name, entry.data);
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return new Uint8Array(bytes);
}
