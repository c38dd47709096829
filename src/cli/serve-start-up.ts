// Imported first by main.ts, so that it runs before the rest of the module graph loads (see young-generation.ts).
import { holdYoungGeneration } from './young-generation.ts';

if (process.argv[2] === 'serve') holdYoungGeneration();
