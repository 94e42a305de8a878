import { join } from 'node:path';
import { writeWithRoomCheck } from '../services/free-space';
import type { Dialogs } from './dialogs';
import type { IpcHandlers } from './register';

export function createPrintHandlers(dialogs: Dialogs): Pick<IpcHandlers, 'print:page' | 'print:toPdf'> {
  return {
    // The system's print dialog for the page that asked; its print styles decide what goes on paper.
    'print:page': (_request, event) =>
      new Promise((resolve) => {
        event.sender.print({ printBackground: true }, (printed) => resolve({ printed }));
      }),
    // Prints the page that asked, as it is now (its print styles apply), then asks where to save it.
    'print:toPdf': async ({ suggestedName, paperSize }, event) => {
      // The print layout's own @page rules (size, margins, running header, page numbers) win; a tagged PDF reads aloud.
      const pdf = await event.sender.printToPDF({
        pageSize: paperSize,
        printBackground: true,
        preferCSSPageSize: true,
        generateTaggedPDF: true,
      });
      const defaultName = /\.pdf$/i.test(suggestedName) ? suggestedName : `${suggestedName}.pdf`;
      const choice = await dialogs.showSave(event, {
        defaultPath: join(dialogs.documentsFolder(), defaultName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      await writeWithRoomCheck(choice.filePath, pdf);
      return { saved: true, path: choice.filePath };
    },
  };
}
