import { BrowserWindow, dialog, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';

/**
 * Print the calling page. Receipts go silently to the default printer at 80 mm roll width
 * (Electron assumes A4 unless told, which breaks thermal printers); A4 pages show the dialog
 * unless `silent`.
 */
export function printPage(
  contents: WebContents,
  options: { kind: 'receipt' | 'a4'; silent: boolean; landscape?: boolean },
): Promise<boolean> {
  return new Promise((resolve) => {
    contents.print(
      {
        silent: options.silent,
        printBackground: true,
        margins: { marginType: options.kind === 'receipt' ? 'none' : 'default' },
        pageSize: options.kind === 'receipt' ? { width: 80_000, height: 200_000 } : 'A4',
        // Wide tables (the day book) are printed across the page.
        landscape: options.kind === 'a4' && options.landscape === true,
      },
      (success) => resolve(success),
    );
  });
}

/** Save the calling page as an A4 PDF where the user chooses. */
export async function savePdf(contents: WebContents, fileName: string): Promise<string | null> {
  const owner = BrowserWindow.fromWebContents(contents);
  const choice = owner
    ? await dialog.showSaveDialog(owner, { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
    : await dialog.showSaveDialog({ defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (choice.canceled || !choice.filePath) return null;
  const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  await writeFile(choice.filePath, pdf);
  return choice.filePath;
}
