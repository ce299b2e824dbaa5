import { z } from 'zod';

// zod probes for `new Function` (to compile faster parsers) on its first
// parse; under our Content-Security-Policy (no 'unsafe-eval') that probe is
// refused and reported as a violation. Tell zod up front not to try.
z.config({ jitless: true });
