import { describe, expect, it } from 'vitest';
import { pickNext, suitability, type DeskMember, type SelectionFacts, type WaitingTicket } from './selection';

const NOW = new Date('2026-11-25T03:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

let nextId = 1;
function ticket(over: Partial<WaitingTicket> & { ago?: number } = {}): WaitingTicket {
  const at = minutesAgo(over.ago ?? 5);
  return {
    id: nextId++,
    helpKind: 'dvc',
    priority: false,
    language: 'vi',
    issuedAt: at,
    queuedAt: at,
    targetDesk: null,
    ...over,
  };
}
const me: DeskMember = {
  desk: 1,
  skills: ['dvc', 'vneid', 'payment', 'signature', 'smartphone', 'ecommerce', 'scam', 'other'],
  languages: ['vi'],
};
const facts = (over: Partial<SelectionFacts> = {}): SelectionFacts => ({
  now: NOW,
  normalsSincePriority: null,
  normalsPerPriority: 2,
  maxWaitMinutes: 30,
  others: [],
  ...over,
});

/** Call tickets one by one as a single desk would, counting normals the way the core does. */
function drain(waiting: WaitingTicket[], f: SelectionFacts, member = me): WaitingTicket[] {
  const order: WaitingTicket[] = [];
  let left = [...waiting];
  let since = f.normalsSincePriority;
  for (;;) {
    const t = pickNext(left, member, { ...f, normalsSincePriority: since });
    if (!t) return order;
    order.push(t);
    left = left.filter((x) => x.id !== t.id);
    since = t.priority ? 0 : since === null ? null : since + 1;
  }
}

describe('pickNext: interleaving', () => {
  it('serves the first priority ticket of the day first, then 2 normal per priority', () => {
    const normals = [10, 9, 8, 7, 6].map((ago) => ticket({ ago }));
    const prios = [4, 3].map((ago) => ticket({ ago, priority: true }));
    const order = drain([...normals, ...prios], facts());
    expect(order.map((t) => (t.priority ? 'P' : 'N')).join('')).toBe('PNNPNNN');
    // Within each class, oldest first.
    expect(order.filter((t) => !t.priority).map((t) => t.id)).toEqual(normals.map((t) => t.id));
  });

  it('follows the configured ratio (1 priority after every 3 normal)', () => {
    const list = [
      ...[10, 9, 8, 7, 6, 5].map((ago) => ticket({ ago })),
      ...[4, 3, 2].map((ago) => ticket({ ago, priority: true })),
    ];
    const order = drain(list, facts({ normalsPerPriority: 3, normalsSincePriority: 0 }));
    expect(order.map((t) => (t.priority ? 'P' : 'N')).join('')).toBe('NNNPNNNPP');
  });

  it('with ratio 0 priority always goes first', () => {
    const list = [ticket({ ago: 9 }), ticket({ ago: 1, priority: true }), ticket({ ago: 2, priority: true })];
    expect(drain(list, facts({ normalsPerPriority: 0, normalsSincePriority: 0 })).map((t) => t.priority)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('takes the other class when one is empty', () => {
    expect(pickNext([ticket({ priority: true })], me, facts({ normalsSincePriority: 0 }))?.priority).toBe(true);
    expect(pickNext([ticket()], me, facts())?.priority).toBe(false);
    expect(pickNext([], me, facts())).toBeNull();
  });
});

describe('pickNext: maximum wait', () => {
  it('calls a normal ticket past the maximum wait before a due priority ticket', () => {
    const old = ticket({ ago: 31 });
    const prio = ticket({ ago: 1, priority: true });
    expect(pickNext([prio, old], me, facts())?.id).toBe(old.id);
  });

  it('calls an overdue ticket even when it needs another member’s language', () => {
    const jrai = ticket({ ago: 40, language: 'jrai' });
    const other: DeskMember = { desk: 2, skills: [], languages: ['vi', 'jrai'] };
    expect(pickNext([ticket({ ago: 2 }), jrai], me, facts({ others: [other] }))?.id).toBe(jrai.id);
  });

  it('among overdue tickets takes the one issued first, even if it was put back later', () => {
    const a = ticket({ ago: 50 });
    a.queuedAt = minutesAgo(1);
    const b = ticket({ ago: 35 });
    expect(pickNext([b, a], me, facts())?.id).toBe(a.id);
  });
});

describe('pickNext: language and skills', () => {
  const jraiSpeaker: DeskMember = { desk: 2, skills: ['vneid'], languages: ['vi', 'jrai'] };

  it('leaves a Jrai-speaking citizen for the Jrai-speaking member on duty', () => {
    const jrai = ticket({ ago: 10, language: 'jrai' });
    const vi = ticket({ ago: 5 });
    expect(pickNext([jrai, vi], me, facts({ others: [jraiSpeaker] }))?.id).toBe(vi.id);
    // …and the Jrai speaker takes them first, though they arrived after others.
    const later = ticket({ ago: 2, language: 'jrai' });
    const speaker: DeskMember = { ...jraiSpeaker, skills: ['dvc'] };
    expect(pickNext([vi, later], speaker, facts({ others: [me] }))?.id).toBe(later.id);
  });

  it('serves a Jrai-speaking citizen when no Jrai speaker is on duty', () => {
    const jrai = ticket({ ago: 10, language: 'jrai' });
    expect(pickNext([jrai, ticket({ ago: 5 })], me, facts())?.id).toBe(jrai.id);
  });

  it('serves the only waiting citizen even if another member speaks their language', () => {
    const jrai = ticket({ language: 'jrai' });
    expect(pickNext([jrai], me, facts({ others: [jraiSpeaker] }))?.id).toBe(jrai.id);
  });

  it('prefers a ticket matching the member’s skills over an older one another member is better at', () => {
    const paymentOnly: DeskMember = { desk: 1, skills: ['payment'], languages: ['vi'] };
    const dvcExpert: DeskMember = { desk: 2, skills: ['dvc'], languages: ['vi'] };
    const dvc = ticket({ ago: 10, helpKind: 'dvc' });
    const pay = ticket({ ago: 3, helpKind: 'payment' });
    expect(pickNext([dvc, pay], paymentOnly, facts({ others: [dvcExpert] }))?.id).toBe(pay.id);
    // Without a better-suited colleague on duty, the oldest ticket comes first.
    expect(pickNext([dvc, pay], paymentOnly, facts())?.id).toBe(dvc.id);
  });

  it('a priority ticket kept for another language yields to a normal one this member can serve', () => {
    const jraiPrio = ticket({ ago: 3, priority: true, language: 'jrai' });
    const normal = ticket({ ago: 9 });
    expect(pickNext([jraiPrio, normal], me, facts({ others: [jraiSpeaker] }))?.id).toBe(normal.id);
  });

  it('scores suitability in the documented order', () => {
    expect(suitability(ticket({ helpKind: 'dvc' }), me, [])).toBe(0);
    expect(suitability(ticket({ helpKind: 'scam' }), { ...me, skills: [] }, [])).toBe(0);
    expect(suitability(ticket({ helpKind: 'vneid' }), { ...me, skills: [] }, [jraiSpeaker])).toBe(1);
    expect(suitability(ticket({ language: 'jrai' }), me, [jraiSpeaker])).toBe(2);
    expect(suitability(ticket({ language: 'jrai' }), jraiSpeaker, [me])).toBe(-1);
    expect(suitability(ticket({ language: 'jrai', helpKind: 'vneid' }), jraiSpeaker, [jraiSpeaker])).toBe(0);
  });
});

describe('pickNext: transfers', () => {
  const desk2: DeskMember = { desk: 2, skills: [], languages: ['vi'] };
  it('a ticket sent to this desk comes first; a ticket sent to a staffed desk is left to it', () => {
    const here = ticket({ ago: 1, targetDesk: 1 });
    const there = ticket({ ago: 20, targetDesk: 2 });
    const old = ticket({ ago: 15 });
    expect(pickNext([there, old, here], me, facts({ others: [desk2] }))?.id).toBe(here.id);
    expect(pickNext([there], me, facts({ others: [desk2] }))).toBeNull();
  });

  it('a ticket sent to a desk nobody holds (its member left duty) is offered to the desks open', () => {
    const priority = ticket({ ago: 10, priority: true, targetDesk: 2 });
    const normal = ticket({ ago: 12 });
    expect(pickNext([normal, priority], me, facts({ others: [] }))?.id).toBe(priority.id);
    expect(pickNext([priority], { ...me, desk: 3 }, facts({ others: [{ ...desk2, desk: 1 }] }))?.id).toBe(priority.id);
  });

  it('past the maximum wait a ticket sent to another staffed desk is called by whichever desk calls first', () => {
    const stuck = ticket({ ago: 45, priority: true, targetDesk: 2 });
    const fresh = ticket({ ago: 2 });
    expect(pickNext([fresh, stuck], me, facts({ others: [desk2] }))?.id).toBe(stuck.id);
    expect(pickNext([stuck], me, facts({ others: [desk2], maxWaitMinutes: 60 }))).toBeNull();
  });
});
