import { z } from 'zod';
import { checkbox, choice, hiddenInt, text } from './form-body.ts';

/** 照会の開始: the year (a list of the plan's years) and the due date. */
export const OpenRoundForm = z.object({ fy: text(), dueDate: text(), confirmPastDue: checkbox() });

/** A round's settings on its board: the due date, or opening/closing it (the button's value). */
export const RoundSettingsForm = z.object({
  version: hiddenInt(),
  dueDate: text(),
  status: choice(['open', 'closed']).optional(),
  confirmPastDue: checkbox(),
  // The box sends the number of items still not submitted that the person saw, so a later change asks again.
  confirmClose: hiddenInt().optional(),
});

/** The plan's review chain, reminder window and separation of duties (on a round's board). */
export const ReviewSettingsForm = z.object({
  reviewChain: text(),
  reminderDays: text(),
  separateDuties: checkbox(),
  back: text(),
});
