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
let cached: { regular: Buffer; bold: Buffer } | undefined;

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

/** The font files, read once per process (each is ≈5 MB; parsing happens per document in pdfkit). */
export function loadPdfFonts(): { regular: Buffer; bold: Buffer } {
  if (!cached) {
    const path = (spec: string) => {
      const found = resolveFont(spec);
      if (!found) throw new Error(`PDF font not installed: ${spec} (npm package @expo-google-fonts/noto-sans-jp)`);
      return found;
    };
    cached = { regular: readFileSync(path(FONT_FILES.regular)), bold: readFileSync(path(FONT_FILES.bold)) };
  }
  return cached;
}
