import { describe, expect, it } from 'vitest';
import { afterEach } from 'vitest';
import { crisisDataVersion, crisisLastVerified, crisisLine, crisisLines, overdose, reachableWithoutService } from './crisis';
import { useLanguage } from '../i18n/i18n.svelte';

afterEach(() => useLanguage('en'));

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

describe('reaching help without service', () => {
  it('is said of 911, not of any number a person set', () => {
    expect(reachableWithoutService('911')).toBe(true);
    expect(reachableWithoutService('5550100')).toBe(false);
    expect(reachableWithoutService('988')).toBe(false);
  });

  it('988 by text in Spanish (AYUDA) and for veterans (838255); the Crisis Text Line by text only', () => {
    expect(crisisLine('988').about).toMatch(/AYUDA to 988/);
    expect(crisisLine('988').about).toMatch(/838255/);
    const ctl = crisisLine('crisis-text-line');
    expect(ctl.number).toBe('741741');
    expect(ctl.text && !ctl.call).toBe(true);
    expect(ctl.about).toMatch(/HOME to 741741/);
  });
});

describe('the overdose steps', () => {
  it('follow the order in DOMAIN.md and name the emergency number', () => {
    expect(overdose.steps.map((s) => s.id)).toEqual([
      'wake',
      'call',
      'naloxone',
      'breathe',
      'position',
      'second',
      'stay',
    ]);
    expect(overdose.steps[1]?.title('112')).toBe('Call 112');
    expect(overdose.steps[1]?.body('911')).toContain('Someone is not breathing');
    expect(overdose.steps[1]?.body('911')).toContain('Do what the 911 operator tells you');
    expect(overdose.steps[1]?.body('911')).toMatch(/rescue breaths or CPR/);
    // Buying naloxone belongs elsewhere, not in the middle of an overdose.
    expect(overdose.steps[2]?.body('911')).not.toMatch(/buy|prescription/i);
    expect(overdose.notes.join(' ')).toMatch(/may protect/);
    expect(overdose.breathEverySeconds).toBe(5);
    expect(overdose.secondDoseAfterSeconds).toBeGreaterThanOrEqual(120);
    expect(overdose.secondDoseAfterSeconds).toBeLessThanOrEqual(180);
    expect(overdose.signs.length).toBe(7);
    expect(overdose.notes.join(' ')).toMatch(/benzodiazepines or xylazine/);
    expect(overdose.notes.join(' ')).not.toMatch(/immun/i);
  });
});

describe('in Spanish', () => {
  it('988 says to press 2 for Spanish, and SAMHSA answers in Spanish', () => {
    useLanguage('es');
    expect(crisisLine('988').name).toMatch(/Línea/);
    expect(crisisLine('988').about).toMatch(/marca 2 para hablar en español/);
    expect(crisisLine('988').about).toMatch(/escribe AYUDA al 988/);
    expect(crisisLine('988').about).toMatch(/838255/);
    expect(crisisLine('samhsa').about).toMatch(/en español/);
    expect(crisisLine('samhsa').display).toBe('1-800-662-4357');
  });

  it('has every overdose step, sign and caveat', () => {
    useLanguage('es');
    expect(overdose.signs.length).toBe(overdose.signCount);
    expect(overdose.steps[1]?.title('911')).toBe('Llama al 911');
    expect(overdose.steps[1]?.body('911')).toMatch(/no respira/);
    expect(overdose.notes.join(' ')).toMatch(/pueden proteger/);
    // The person, not "her": nothing reads as a woman when alone on a screen.
    for (const step of overdose.steps) expect(`${step.title('911')} ${step.body('911')}`).not.toMatch(/despertarla|acuéstala|ayúdala|ponla|voltéala|con ella/);
    expect(overdose.notes.join(' ')).toMatch(/benzodiacepinas ni la xilacina/);
    expect(overdose.notes.join(' ')).not.toMatch(/inmun/i);
    for (const step of overdose.steps) expect(step.body('911').length).toBeGreaterThan(20);
  });
});
