import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Sans JP from the npm package @expo-google-fonts/noto-sans-jp, embedded (pdfkit subsets it to the glyphs
 * used), so PDFs render the same on a closed network with no Japanese OS font and nothing is fetched.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

const require = createRequire(import.meta.url);
let cached: PdfFonts | undefined;

/** A parsed font as pdfkit accepts it in `registerFont` (a fontkit font object). */
export type ParsedFont = { layout: (...args: never[]) => unknown };
export interface PdfFonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

function resolveFont(spec: string): string | undefined {
  try {
    return require.resolve(spec);
  } catch {
    return undefined;
  }
}

/** Whether the fonts PDF generation needs are installed (the portal hides the download link otherwise). */
export function pdfAvailable(): boolean {
  return resolveFont(FONT_FILES.regular) !== undefined && resolveFont(FONT_FILES.bold) !== undefined;
}

/**
 * The fonts, read and parsed once per process. Each file is ≈5 MB; handing pdfkit the parsed font (fontkit, the
 * parser pdfkit itself uses, resolved from pdfkit's own dependencies) keeps its glyph and layout caches warm across
 * documents instead of re-parsing the tables for every PDF. Subsetting stays per document.
 */
export function loadPdfFonts(): PdfFonts {
  if (!cached) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): ParsedFont };
    const path = (spec: string) => {
      const found = resolveFont(spec);
      if (!found) throw new Error(`PDF font not installed: ${spec} (npm package @expo-google-fonts/noto-sans-jp)`);
      return found;
    };
    cached = {
      regular: fontkit.create(readFileSync(path(FONT_FILES.regular))),
      bold: fontkit.create(readFileSync(path(FONT_FILES.bold))),
    };
  }
  return cached;
}
