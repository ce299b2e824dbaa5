import { z } from 'zod';
import { downloadRoute } from '@/app/api/_lib/api-route';
import { loadHandOff } from '@/lib/cases/load-hand-off';
import { AppError } from '@/lib/errors/app-error';
import { getDb } from '@/lib/db/db';
import { renderDecisionLetterDocx } from '@/lib/record-system/decision-letter-docx';
import { renderDecisionLetterPdf } from '@/lib/record-system/decision-letter-pdf';
import { parseInput } from '@/lib/validation/parse-input';

export const dynamic = 'force-dynamic';

const letterSchema = z.object({ text: z.string().trim().min(1).max(20_000), format: z.enum(['pdf', 'docx']) });

/**
 * The draft decision letter as edited in the hand-off page, downloaded as PDF or DOCX.
 * The same access as the hand-off (its caseworker and the unit's leader),
 * logged as a read of the case; the text itself is not stored.
 */
export const POST = downloadRoute<{ id: string }>(async ({ actor, request, params }) => {
  // A form post from this site only (a page of another site cannot make the caseworker's browser fetch a letter).
  const origin = request.headers.get('origin');
  if (origin && new URL(origin).host !== request.headers.get('host')) throw new AppError('forbidden');
  const form = await request.formData();
  const input = parseInput(letterSchema, { text: form.get('text'), format: form.get('format') });
  await loadHandOff({ db: getDb(), actor, caseId: params.id });
  if (input.format === 'docx')
    return {
      body: await renderDecisionLetterDocx(input.text),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: 'utkast-vedtaksbrev.docx',
    };
  return { body: await renderDecisionLetterPdf(input.text), contentType: 'application/pdf', filename: 'utkast-vedtaksbrev.pdf' };
});
