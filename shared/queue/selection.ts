import type { Language } from '../settings/schemas';
import type { HelpKind } from '../team/schemas';

/**
 * Which waiting ticket a desk calls next. Pure: the core gathers the facts, this decides.
 *
 * Order of the rules (each explained where it is applied):
 * 0. a ticket sent to another desk stays there while that desk is staffed and the ticket is not
 *    past the maximum wait; sent to a desk nobody holds now, it is anyone's;
 * 1. a ticket transferred to this very desk;
 * 2. the longest-waiting ticket past the maximum wait, wherever it was sent (nobody is forgotten);
 * 3. priority and normal tickets interleaved: 1 priority after every N normal calls;
 * 4. inside that class, tickets this member suits best (language, then skill), oldest first.
 */
export interface WaitingTicket {
  id: number;
  helpKind: HelpKind;
  priority: boolean;
  language: Language;
  /** When the ticket was issued: the citizen's total wait, for the maximum-wait rule. */
  issuedAt: string;
  /** When it (re-)entered the queue: its place in line. */
  queuedAt: string;
  /** Sent to one desk by a transfer; other desks leave it alone. */
  targetDesk: number | null;
}

export interface DeskMember {
  desk: number;
  skills: readonly HelpKind[];
  languages: readonly Language[];
}

export interface SelectionFacts {
  now: Date;
  /** Normal tickets called since the last priority call today; null when no priority call yet. */
  normalsSincePriority: number | null;
  normalsPerPriority: number;
  maxWaitMinutes: number;
  /** The other members with a desk open now (on duty). */
  others: readonly DeskMember[];
}

/**
 * Lower is better: -1 I speak the citizen's language and a colleague on duty does not (serve
 * them first: few can); 0 nobody on duty fits this ticket better than me; 1 another member has the
 * skill and I do not; 2 the citizen asked for a language another member on duty speaks and I do not.
 */
export function suitability(ticket: WaitingTicket, me: DeskMember, others: readonly DeskMember[]): number {
  // A citizen who asked for Jrai or Bahnar goes to a member who speaks it, when one is on duty.
  if (ticket.language !== 'vi') {
    const iSpeak = me.languages.includes(ticket.language);
    if (!iSpeak && others.some((o) => o.languages.includes(ticket.language))) return 2;
    if (iSpeak && others.some((o) => !o.languages.includes(ticket.language))) return -1;
  }
  if (me.skills.includes(ticket.helpKind)) return 0;
  return others.some((o) => o.skills.includes(ticket.helpKind)) ? 1 : 0;
}

const byQueue = (a: WaitingTicket, b: WaitingTicket) => a.queuedAt.localeCompare(b.queuedAt) || a.id - b.id;

function best(tickets: readonly WaitingTicket[], me: DeskMember, others: readonly DeskMember[]) {
  let winner: { ticket: WaitingTicket; score: number } | null = null;
  for (const ticket of [...tickets].sort(byQueue)) {
    const score = suitability(ticket, me, others);
    if (!winner || score < winner.score) winner = { ticket, score };
  }
  return winner;
}

export function pickNext(
  waiting: readonly WaitingTicket[],
  me: DeskMember,
  facts: SelectionFacts,
): WaitingTicket | null {
  const limit = facts.now.getTime() - facts.maxWaitMinutes * 60_000;
  const isOverdue = (t: WaitingTicket) => Date.parse(t.issuedAt) <= limit;
  const staffed = new Set(facts.others.map((o) => o.desk));
  const mine = waiting.filter(
    (t) => t.targetDesk === null || t.targetDesk === me.desk || !staffed.has(t.targetDesk) || isOverdue(t),
  );
  if (mine.length === 0) return null;

  const sentHere = mine.filter((t) => t.targetDesk === me.desk).sort(byQueue);
  if (sentHere[0]) return sentHere[0];

  // Nobody waits beyond the maximum, whatever their class, language or desk: the oldest overdue first.
  const overdue = mine.filter(isOverdue).sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id - b.id);
  if (overdue[0]) return overdue[0];

  const priority = best(
    mine.filter((t) => t.priority),
    me,
    facts.others,
  );
  const normal = best(
    mine.filter((t) => !t.priority),
    me,
    facts.others,
  );
  if (!priority || !normal) return (priority ?? normal)!.ticket;

  // 1 priority after every N normal calls; the first priority ticket of the day does not wait.
  const priorityDue = facts.normalsSincePriority === null || facts.normalsSincePriority >= facts.normalsPerPriority;
  const [first, second] = priorityDue ? [priority, normal] : [normal, priority];
  // A ticket kept for another member's language yields to any ticket this member can serve.
  return first.score === 2 && second.score < 2 ? second.ticket : first.ticket;
}
