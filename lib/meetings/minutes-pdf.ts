import PDFDocument from 'pdfkit';
import { formatDateTime, formatTime, formatTimestamp } from '../i18n/format';
import { nb } from '../i18n/nb';
import { labelled } from '../i18n/labelled';
import type { getMinutes } from './get-minutes';
import { systemClock } from '../time/clock';

export type Minutes = Awaited<ReturnType<typeof getMinutes>>;

const t = nb.meetingRoom;
const c = nb.cases;
const h = nb.history;

/**
 * The frozen minutes as a PDF (A4, the standard Helvetica fonts, which cover
 * Norwegian letters), with the same content as the minutes page.
 */
export function renderMinutesPdf(minutes: Minutes, now: Date = systemClock.now()): Promise<Uint8Array> {
  const { meeting } = minutes;
  const title = h.pdfTitle(`${formatDateTime(meeting.startsAt)}–${formatTime(meeting.endsAt)}`);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: title, Author: meeting.unitName, Creator: nb.app.name },
    lang: 'nb-NO',
    // Kept in memory so every page gets its number and, before approval, the draft mark at the end.
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });

  const heading = (text: string, size: number) => pdf.font('Helvetica-Bold').fontSize(size).text(text).moveDown(0.3);
  const line = (label: string, value: string) => {
    if (!value) return;
    // The label and its separator in bold, the value plain ("?" labels take no colon: labelled()).
    const head = labelled(label, '');
    pdf.font('Helvetica-Bold').fontSize(10).text(head, { continued: true }).font('Helvetica').text(value);
  };

  pdf.font('Helvetica').fontSize(10).text(meeting.unitName);
  heading(title, 16);
  line(t.attendance, minutes.attendance.join(', ') || t.noAttendance);
  line(c.chair, meeting.chair ?? '');
  // Always said, so a reader knows none was named rather than that it was left out.
  line(t.referent, meeting.referent ?? nb.minutes.noReferent);
  line(nb.minutes.place, meeting.location ?? '');
  const approval = approvalLine(meeting);
  if (approval) pdf.font('Helvetica-Bold').fontSize(10).text(approval);
  if (minutes.ownOnly) pdf.font('Helvetica-Oblique').fontSize(10).text(h.ownOnlyMinutes);
  pdf.moveDown();

  minutes.items.forEach((item) => {
    heading(`${nb.roomAgenda.placeLabel(item.place)}. ${item.title}`, 12);
    // Habilitet: who was inhabil (names only); for someone who was, nothing more of the item.
    line(nb.recusal.minutesLabel, item.recusals.join(', '));
    if (item.recused) {
      pdf.font('Helvetica-Oblique').fontSize(10).text(nb.recusal.minutesYouWere).moveDown();
      return;
    }
    pdf
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#333333')
      .text(
        [
          item.personRef,
          c.purposes[item.purpose],
          item.caseworker ? `${c.caseworker}: ${item.caseworker}` : null,
          t.statuses[item.status],
          // The minutes page's marking of the A-list's one step (app/moter/[id]/referat/page.tsx).
          item.concludedTogether ? nb.roomAgenda.aListConcludedTogether : null,
        ]
          .filter(Boolean)
          .join(' · '),
      )
      .fillColor('black');
    if (item.submitted) {
      line(c.fields.situation, item.submitted.situation);
      line(c.fields.proposal, item.submitted.proposal);
      line(
        h.submittedAssessment,
        (['alvorlighet', 'nytte', 'ressurs'] as const)
          .map((k) => `${c.fields[k]}: ${item.submitted?.levels[k] ? c.criterionLevels[item.submitted.levels[k]] : '–'}`)
          .join(', '),
      );
      line(c.fields.samletVurdering, item.submitted.samletVurdering);
    }
    if (item.adjustedAssessment) {
      const adjusted = (['alvorlighet', 'nytte', 'ressurs'] as const)
        .filter((k) => item.adjustedAssessment?.[`${k}Level`])
        .map((k) => `${c.fields[k]}: ${c.criterionLevels[item.adjustedAssessment![`${k}Level`]]}`)
        .join(', ');
      line(t.adjusted, [adjusted, item.adjustedAssessment.note].filter(Boolean).join(' – '));
    }
    line(t.itemNotes, item.notes ?? '');
    line(
      t.conclusionSection,
      item.outcome
        ? `${t.outcomes[item.outcome]}${item.referredTo ? ` (${t.referralTargets[item.referredTo]})` : ''}${item.conclusion ? `: ${item.conclusion}` : ''}`
        : t.noConclusion,
    );
    if (item.lockedBy) pdf.font('Helvetica').fontSize(9).text(t.lockedBy(item.lockedBy));
    line(nb.recusal.deviationLabel, item.deviationReason ?? '');
    line(t.dissent, item.dissent ?? '');
    for (const f of item.followUps) {
      pdf
        .font('Helvetica')
        .fontSize(10)
        .text(`• ${f.description} – ${t.followUpOwner.toLowerCase()}: ${f.owner}${f.dueDate ? `, ${t.followUpDueOn(f.dueDate)}` : ''}`, {
          indent: 12,
        });
    }
    if (item.reassessmentDate) pdf.font('Helvetica').fontSize(10).text(t.reassess(item.reassessmentDate));
    if (item.epjResponsible) pdf.font('Helvetica').fontSize(10).text(t.epjBy(item.epjResponsible));
    pdf.moveDown();
  });

  pdf
    .font('Helvetica-Oblique')
    .fontSize(8)
    .fillColor('#444444')
    .text(h.pdfGenerated(formatTimestamp(now)));
  markEveryPage(pdf, meeting);
  pdf.end();
  return done;
}

/** "Godkjent <dato> av <navn>", the draft mark, or — for minutes closed before approval existed — that they froze at close. */
function approvalLine(meeting: Minutes['meeting']): string | null {
  if (meeting.minutesStatus === 'approved' && meeting.minutesApprovedAt)
    return nb.minutes.approved(meeting.minutesApprovedAt, meeting.minutesApprovedBy);
  if (meeting.minutesStatus === 'draft') return nb.minutes.pdfDraft;
  return meeting.status === 'closed' ? nb.minutes.frozenAtClose(meeting.closedAt) : null;
}

/**
 * On every page: the unit and "Side n av m" at the foot, and — until the
 * minutes are approved — "Utkast – ikke godkjent" at the head, so no page
 * printed or forwarded alone passes for approved minutes.
 */
function markEveryPage(pdf: PDFKit.PDFDocument, meeting: Minutes['meeting']) {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    // Writing in the margins: without this pdfkit would start a new page for text below the bottom margin.
    const margins = { ...pdf.page.margins };
    pdf.page.margins = { ...margins, top: 0, bottom: 0 };
    const width = pdf.page.width - margins.left - margins.right;
    if (meeting.minutesStatus === 'draft') {
      pdf.font('Helvetica-Bold').fontSize(11).fillColor('#9a1c1c').text(nb.minutes.pdfDraft, margins.left, 24, { width, align: 'center' });
    }
    pdf
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#444444')
      .text(`${meeting.unitName} · ${nb.minutes.pdfPage(index - range.start + 1, range.count)}`, margins.left, pdf.page.height - 36, {
        width,
        align: 'center',
      });
    pdf.fillColor('black');
    pdf.page.margins = margins;
  }
}
