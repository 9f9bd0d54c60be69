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
