import { describe, expect, it } from 'vitest';
import { crisisDataVersion, crisisLastVerified, crisisLine, crisisLines } from './crisis';

describe('the crisis numbers file', () => {
  it('is versioned and says when it was last checked', () => {
    expect(crisisDataVersion).toBeGreaterThanOrEqual(1);
    expect(crisisLastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(crisisLastVerified))).toBe(false);
  });

  it('holds 988 (call or text) and the SAMHSA helpline', () => {
    const lifeline = crisisLine('988');
    expect(lifeline.number).toBe('988');
    expect(lifeline.call && lifeline.text).toBe(true);
    const samhsa = crisisLine('samhsa');
    expect(samhsa.display).toBe('1-800-662-4357');
    expect(samhsa.number).toBe('18006624357');
  });

  it('keeps digits-only numbers that match what is shown', () => {
    for (const line of crisisLines) {
      expect(line.number).toMatch(/^\d{3,15}$/);
      expect(line.display.replace(/\D/g, '')).toBe(line.number);
      expect(line.about.length).toBeGreaterThan(10);
    }
  });
});

describe('the overdose steps', () => {
  it('follow the order in DOMAIN.md and name the emergency number', async () => {
    const { overdose } = await import('./crisis');
    expect(overdose.steps.map((s) => s.id)).toEqual([
      'wake',
      'call',
      'naloxone',
      'breathe',
      'position',
      'second',
      'stay',
    ]);
    expect(overdose.steps[1]?.title).toContain('{number}');
    expect(overdose.steps[1]?.body).toContain('Someone is not breathing');
    expect(overdose.breathEverySeconds).toBe(5);
    expect(overdose.secondDoseAfterSeconds).toBeGreaterThanOrEqual(120);
    expect(overdose.secondDoseAfterSeconds).toBeLessThanOrEqual(180);
    expect(overdose.signs.length).toBe(7);
    expect(overdose.notes.join(' ')).toMatch(/benzodiazepines or xylazine/);
    expect(overdose.notes.join(' ')).not.toMatch(/immun/i);
  });
});
