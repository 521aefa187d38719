import { readFileSync } from 'node:fs';
import { parseBriefing } from './src/parse/index.js';
import { validateBriefing } from './src/schema.js';
const b = parseBriefing(readFileSync(process.argv[2]!, 'utf8'));
console.log(JSON.stringify(b, null, 1));
const r = validateBriefing(b); console.log(r.success || r.error.message);
